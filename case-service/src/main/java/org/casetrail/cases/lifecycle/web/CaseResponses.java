package org.casetrail.cases.lifecycle.web;

final class CaseResponses {

    private CaseResponses() {
    }

    record EvidenceResponse(String evidenceId) {
    }

    record InterviewResponse(String interviewId) {
    }

    record NoteResponse(String noteId) {
    }
}
