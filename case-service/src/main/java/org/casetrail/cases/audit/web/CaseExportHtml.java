package org.casetrail.cases.audit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The audit export as one self-contained, printable HTML page: a timeline of every event as recorded,
 * with the chain and the verification result, for appeals and tribunals. Every value that comes from
 * the case (and so possibly from a hostile reporter) is HTML-escaped; the page has no scripts and
 * loads nothing.
 */
@Component
class CaseExportHtml {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String render(AuditResponses.CaseExportResponse export) {
        StringBuilder out = new StringBuilder(8_192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Audit export of case ").append(e(export.reference() != null ? export.reference() : export.caseId()))
                .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}")
                .append("pre{white-space:pre-wrap;margin:0}.hash{font-family:monospace;font-size:80%;word-break:break-all}")
                .append(".bad{color:#a00;font-weight:bold}.good{color:#070;font-weight:bold}</style></head><body>\n");
        out.append("<h1>Audit export of case ").append(e(export.reference())).append("</h1>\n<dl>")
                .append(dt("Case id", export.caseId()))
                .append(dt("Exported at", String.valueOf(export.exportedAt())))
                .append(dt("Exported by", export.exportedBy().userId() + " (" + export.exportedBy().role() + ")"))
                .append("</dl>\n");
        AuditResponses.VerificationResponse v = export.verification();
        out.append("<h2>Hash chain</h2>\n<p class=\"").append(v.valid() ? "good" : "bad").append("\">")
                .append(v.valid() ? "Valid: every one of the " + v.events() + " events recomputes and links to its predecessor."
                        : "BROKEN at sequence " + v.brokenAtSequence() + ": " + v.reason())
                .append("</p>\n<p>Head hash: <span class=\"hash\">").append(e(v.headHash())).append("</span></p>\n");
        AuditResponses.DigestProofResponse proof = export.latestDigestProof();
        if (proof == null) {
            out.append("<p>No school digest covers this case yet.</p>\n");
        } else {
            out.append("<p>Latest school digest covering it: ").append(e(proof.digest().digestId()))
                    .append(", recorded ").append(e(String.valueOf(proof.digest().recordedAt())))
                    .append(", root <span class=\"hash\">").append(e(proof.digest().root()))
                    .append("</span>; the case's head then: sequence ").append(proof.leaf().sequence())
                    .append(", hash <span class=\"hash\">").append(e(proof.leaf().headHash())).append("</span>.</p>\n");
        }
        out.append("<h2>Timeline</h2>\n<table><thead><tr><th>#</th><th>When (UTC)</th><th>What</th><th>Who</th>")
                .append("<th>Correlation / causation / request</th><th>Recorded</th><th>Hash / previous hash</th></tr></thead><tbody>\n");
        for (AuditResponses.HistoryEntryResponse entry : export.history()) {
            out.append("<tr><td>").append(entry.sequence()).append("</td><td>").append(e(String.valueOf(entry.occurredAt())))
                    .append("</td><td>").append(e(entry.type())).append("</td><td>")
                    .append(e(entry.actor().userId())).append("<br>").append(e(entry.actor().role()))
                    .append("</td><td class=\"hash\">").append(e(entry.correlationId())).append("<br>")
                    .append(e(entry.causationId())).append("<br>").append(e(entry.requestId()))
                    .append("</td><td><pre>").append(e(pretty(entry.payload()))).append("</pre></td><td class=\"hash\">")
                    .append(e(entry.hash())).append("<br>").append(e(entry.previousHash())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n<p>How to check this export independently: docs/audit.md of casetrail.</p>\n")
                .append("</body></html>\n");
        return out.toString();
    }

    private static String dt(String term, String value) {
        return "<dt>" + e(term) + "</dt><dd>" + e(value) + "</dd>";
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String pretty(Object payload) {
        try {
            return PRETTY.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            return String.valueOf(payload);
        }
    }
}
