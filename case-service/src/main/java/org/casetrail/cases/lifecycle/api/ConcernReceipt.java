package org.casetrail.cases.lifecycle.api;

/** What the reporter gets back once their report is stored. */
public record ConcernReceipt(String caseId, String reference, CaseStatus status) {
}
