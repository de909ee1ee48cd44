package org.casetrail.platform.accesslog;

/** An audited read as stored: its place in its school's chain, the hash of the entry before it, and its own. */
public record AccessLogEntry(long sequence, AccessRecord record, String previousHash, String hash) {
}
