package org.smg.gateway.records;

import java.time.Instant;

/**
 * A legal hold: while it stands, no record of the account (or of the program) is disposed of.
 *
 * @param kind {@link #ACCOUNT} or {@link #PROGRAM}
 * @param name the account address or the program id
 */
public record Hold(String kind, String name, Instant placed, String placedBy) {
    public static final String ACCOUNT = "account";
    public static final String PROGRAM = "program";
}
