package org.smg.gateway.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;

/**
 * Which terms an account must have accepted: the current terms version of each of its programs.
 * Written as a canonical string ({@code ECO=1;LB&I=2}, programs sorted) that is stored with the
 * account when accepted; a new version in programs.yaml or a new program changes the string, so
 * the citizen accepts again.
 */
public final class TermsAcceptance {
    private TermsAcceptance() {
    }

    /** The terms the account needs now; programs no longer in the policy are skipped. */
    public static String required(Account account, Programs programs) {
        TreeMap<String, String> versions = new TreeMap<>();
        for (String id : account.programs()) {
            programs.find(id).ifPresent(program -> versions.put(program.id(), program.terms().version()));
        }
        return canonical(versions);
    }

    public static boolean isCurrent(Account account, Programs programs) {
        return account.acceptedTerms().map(required(account, programs)::equals).orElse(false);
    }

    /** The programs whose terms the citizen is shown, in the account's order. */
    public static List<Program> toAccept(Account account, Programs programs) {
        List<Program> shown = new ArrayList<>();
        for (String id : account.programs()) {
            programs.find(id).ifPresent(shown::add);
        }
        return shown;
    }

    static String canonical(TreeMap<String, String> versions) {
        StringBuilder text = new StringBuilder();
        versions.forEach((program, version) -> {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(program).append('=').append(version);
        });
        return text.toString();
    }
}
