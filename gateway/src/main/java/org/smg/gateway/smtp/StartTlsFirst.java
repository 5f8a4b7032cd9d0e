package org.smg.gateway.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

/** The one refusal every "TLS first" rule gives (RFC 3207): {@code 530 5.7.0 Must issue a STARTTLS command first}. */
final class StartTlsFirst {
    static final String CODE = "530";
    static final String TEXT = "5.7.0 Must issue a STARTTLS command first";

    static final Response RESPONSE = new SMTPResponse(CODE, TEXT).immutable();

    static final HookResult HOOK_RESULT = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode(CODE)
        .smtpDescription(TEXT)
        .build();

    private StartTlsFirst() {
    }
}
