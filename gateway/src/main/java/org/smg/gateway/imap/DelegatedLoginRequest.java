package org.smg.gateway.imap;

import org.apache.james.core.Username;
import org.apache.james.imap.api.Tag;
import org.apache.james.imap.message.request.LoginRequest;

/** A LOGIN as {@code <citizen>*<representative>}: the user id is the representative, who authenticates; the citizen is who they act for. */
final class DelegatedLoginRequest extends LoginRequest {
    private final Username citizen;

    DelegatedLoginRequest(Username citizen, Username representative, String password, Tag tag) {
        super(representative, password, tag);
        this.citizen = citizen;
    }

    Username citizen() {
        return citizen;
    }
}
