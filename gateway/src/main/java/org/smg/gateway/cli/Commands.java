package org.smg.gateway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every {@code bin/smg} command: its words, arguments, options, help, and the WebAdmin call it
 * makes. Each command is one WebAdmin request, so a script can do the same with curl (the
 * administrator's guide lists both).
 */
final class Commands {
    /** Where a command writes and whom it calls. */
    record Context(WebAdminClient webAdmin, PrintStream out, boolean json) {
    }

    /** What a command does once its command line is checked; returns the exit code. */
    interface Action {
        int run(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused;
    }

    /** One command: {@code group verb ARGUMENT...} with its options. */
    record Spec(String group, String verb, List<String> arguments, Set<String> options, Set<String> required, String summary,
                Action action) {
        String usage() {
            StringBuilder usage = new StringBuilder("usage: smg ").append(group).append(' ').append(verb);
            arguments.forEach(argument -> usage.append(' ').append(argument));
            options.stream().sorted().forEach(option -> usage.append(required.contains(option) ? " --" : " [--")
                .append(option).append(' ').append(option.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                .append(required.contains(option) ? "" : "]"));
            return usage.append(" [--json]\n  ").append(summary).append('\n').toString();
        }
    }

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final List<Tables.Column> INVITATION_COLUMNS = List.of(new Tables.Column("ID", "id"),
        new Tables.Column("STATE", "state"), new Tables.Column("PROGRAM", "program"), new Tables.Column("EMAIL", "email"),
        new Tables.Column("NAME", "name"), new Tables.Column("ADDRESS", "address"), new Tables.Column("EXPIRES", "expires"));
    private static final List<Tables.Column> ACCOUNT_COLUMNS = List.of(new Tables.Column("ADDRESS", "address"),
        new Tables.Column("STATE", "state"), new Tables.Column("PROGRAMS", "programs"), new Tables.Column("EMAIL", "email"),
        new Tables.Column("NAME", "name"), new Tables.Column("TERMS", "termsAccepted"));
    private static final List<String> ACCOUNT_FIELDS = List.of("address", "name", "email", "state", "programs", "termsAccepted",
        "termsAcceptedAt", "ein", "entityName", "created");
    private static final List<Tables.Column> AUDIT_COLUMNS = List.of(new Tables.Column("SEQ", "sequence"),
        new Tables.Column("TIME", "time"), new Tables.Column("ACTOR", "actor"), new Tables.Column("ACTION", "action"),
        new Tables.Column("OBJECT", "objectId"), new Tables.Column("OUTCOME", "outcome"));
    private static final List<Tables.Column> ADMIN_COLUMNS = List.of(new Tables.Column("NAME", "name"),
        new Tables.Column("CREATED", "created"), new Tables.Column("CREATED BY", "createdBy"), new Tables.Column("REVOKED", "revoked"));

    private static final List<Tables.Column> QUARANTINE_COLUMNS = List.of(new Tables.Column("ID", "id"),
        new Tables.Column("QUARANTINED", "quarantinedAt"), new Tables.Column("STATE", "state"), new Tables.Column("STAGE", "stage"),
        new Tables.Column("SENDER", "sender"), new Tables.Column("RECIPIENTS", "recipients"), new Tables.Column("SIZE", "size"));
    private static final List<Tables.Column> RELAY_COLUMNS = List.of(new Tables.Column("NAME", "name"),
        new Tables.Column("CREATED", "created"), new Tables.Column("CREATED BY", "createdBy"));
    private static final List<Tables.Column> CONSENT_COLUMNS = List.of(new Tables.Column("ID", "id"), new Tables.Column("FORM", "form"),
        new Tables.Column("REPRESENTATIVE", "representative"), new Tables.Column("CITIZEN", "citizen"), new Tables.Column("SCOPE", "scope"),
        new Tables.Column("START", "start"), new Tables.Column("END", "end"), new Tables.Column("REVOKED", "revoked"));
    private static final List<String> CONSENT_FIELDS = List.of("id", "form", "representative", "citizen", "scope", "start", "end",
        "created", "createdBy");
    private static final List<Tables.Column> RECORD_COLUMNS = List.of(new Tables.Column("ID", "id"),
        new Tables.Column("DATE", "date"), new Tables.Column("DIR", "direction"), new Tables.Column("PROGRAM", "program"),
        new Tables.Column("SENDER", "sender"), new Tables.Column("RECIPIENT", "recipient"), new Tables.Column("SIZE", "size"),
        new Tables.Column("HELD", "held"), new Tables.Column("MESSAGE-ID", "messageId"));
    private static final List<Tables.Column> HOLD_COLUMNS = List.of(new Tables.Column("KIND", "kind"),
        new Tables.Column("NAME", "name"), new Tables.Column("PLACED", "placed"), new Tables.Column("BY", "placedBy"));
    private static final List<String> QUARANTINE_FIELDS = List.of("id", "quarantinedAt", "state", "stage", "mailName", "sender",
        "recipients", "remoteAddress", "size", "decidedAt", "decidedBy");

    static final List<Spec> ALL = List.of(
        new Spec("invitations", "create", List.of(), Set.of("program", "email", "name", "ein", "entity-name"),
            Set.of("program", "email", "name"),
            "Invites a person (or, with --ein and --entity-name, a business) to a program; prints the registration link.",
            Commands::createInvitation),
        new Spec("invitations", "list", List.of(), Set.of("state"), Set.of(),
            "Lists invitations, newest first; --state pending|used|revoked|expired|locked.",
            (line, context) -> list(context, "/invitations" + WebAdminClient.query(only(line, "state")), INVITATION_COLUMNS)),
        new Spec("invitations", "revoke", List.of("ID"), Set.of(), Set.of(), "Revokes a pending invitation: its link stops working.",
            (line, context) -> done(context, "DELETE", "/invitations/" + WebAdminClient.segment(line.words().get(2)),
                "invitation " + line.words().get(2) + " revoked")),
        new Spec("accounts", "list", List.of(), Set.of("state"), Set.of(),
            "Lists accounts; --state invited|active|suspended|opted-out.",
            (line, context) -> list(context, "/accounts" + WebAdminClient.query(only(line, "state")), ACCOUNT_COLUMNS)),
        new Spec("accounts", "show", List.of("ADDRESS"), Set.of(), Set.of(), "Shows one account.",
            (line, context) -> show(context, "GET", accountPath(line, ""), ACCOUNT_FIELDS)),
        new Spec("accounts", "suspend", List.of("ADDRESS"), Set.of(), Set.of(),
            "Suspends an active account: every open session ends, logins and mail to it are refused.",
            (line, context) -> show(context, "POST", accountPath(line, "/suspend"), ACCOUNT_FIELDS)),
        new Spec("accounts", "reactivate", List.of("ADDRESS"), Set.of(), Set.of(), "Reactivates a suspended account.",
            (line, context) -> show(context, "POST", accountPath(line, "/reactivate"), ACCOUNT_FIELDS)),
        new Spec("accounts", "opt-out", List.of("ADDRESS"), Set.of(), Set.of(),
            "Opts an account out (back to paper): logins end, mail to it bounces, stored mail is kept as records.",
            (line, context) -> show(context, "POST", accountPath(line, "/opt-out"), ACCOUNT_FIELDS)),
        new Spec("accounts", "password-reset", List.of("ADDRESS"), Set.of(), Set.of(),
            "Issues a single-use password reset link for the citizen (give it to them through the agency's channel).",
            (line, context) -> show(context, "POST", accountPath(line, "/password-reset"), List.of("id", "link", "expires"))),
        new Spec("accounts", "second-factor-reset", List.of("ADDRESS"), Set.of(), Set.of(),
            "Resets a citizen's lost second factor (after checking who they are): they sign in with the password alone again.",
            (line, context) -> done(context, "DELETE", accountPath(line, "/second-factor"),
                "second factor of " + line.words().get(2) + " reset")),
        new Spec("audit", "query", List.of(), Set.of("from", "to"), Set.of(),
            "Shows audit entries appended in [from, to) (ISO-8601 instants or UTC dates; both optional).",
            Commands::queryAudit),
        new Spec("audit", "verify", List.of(), Set.of("head"), Set.of(),
            "Verifies the hash chain; --head SEQ:HASH (a head from the gateway log) also detects entries missing after it. "
                + "Exits 1 when the chain is not valid.",
            Commands::verifyAudit),
        new Spec("audit", "export", List.of(), Set.of("from", "to"), Set.of("from", "to"),
            "Writes the entries appended in [from, to) as JSON Lines (redirect to a file).",
            (line, context) -> {
                context.webAdmin().copy("/audit" + WebAdminClient.query(only(line, "from", "to")), context.out());
                return OK;
            }),
        new Spec("admins", "create", List.of("NAME"), Set.of(), Set.of(),
            "Creates a named administrator (host token only) and prints their token, once.",
            Commands::createAdmin),
        new Spec("admins", "list", List.of(), Set.of(), Set.of(), "Lists named administrators (host token only).",
            (line, context) -> list(context, "/admins", ADMIN_COLUMNS)),
        new Spec("admins", "revoke", List.of("NAME"), Set.of(), Set.of(),
            "Revokes a named administrator's token (host token only); the name is not given out again.",
            (line, context) -> done(context, "DELETE", "/admins/" + WebAdminClient.segment(line.words().get(2)),
                "administrator " + line.words().get(2) + " revoked")),
        new Spec("quarantine", "list", List.of(), Set.of("state", "reason", "from", "to"), Set.of(),
            "Lists quarantined mail, newest first (metadata only); --state held|released|deleted, --reason CODE, --from/--to.",
            (line, context) -> list(context, "/quarantine" + WebAdminClient.query(only(line, "state", "reason", "from", "to")),
                QUARANTINE_COLUMNS)),
        new Spec("quarantine", "show", List.of("ID"), Set.of(), Set.of(), "Shows one quarantined mail's metadata and refusals.",
            (line, context) -> showQuarantined(context, "GET", quarantinePath(line, ""))),
        new Spec("quarantine", "content", List.of("ID"), Set.of(), Set.of(),
            "Writes the quarantined message as it arrived (message/rfc822; audited; redirect to a file).",
            (line, context) -> {
                context.webAdmin().copy(quarantinePath(line, "/content"), context.out());
                return OK;
            }),
        new Spec("quarantine", "release", List.of("ID"), Set.of(), Set.of(),
            "Re-checks a held mail and, when clean, puts it back into the mail pipeline; exits 1 when still refused.",
            (line, context) -> showQuarantined(context, "POST", quarantinePath(line, "/release"))),
        new Spec("quarantine", "delete", List.of("ID"), Set.of(), Set.of(),
            "Deletes a held mail's message; the record of what was refused stays.",
            (line, context) -> showQuarantined(context, "DELETE", quarantinePath(line, ""))),
        new Spec("records", "list", List.of("ADDRESS"), Set.of("from", "to"), Set.of(),
            "Lists an account's records, oldest first (metadata only; audited); --from/--to ISO-8601 instants or UTC dates.",
            (line, context) -> list(context, accountPath(line, "/records") + WebAdminClient.query(only(line, "from", "to")),
                RECORD_COLUMNS)),
        new Spec("records", "content", List.of("ID"), Set.of(), Set.of(),
            "Writes one record's message exactly as delivered (message/rfc822, a .eml; audited; redirect to a file).",
            (line, context) -> {
                context.webAdmin().copy("/records/" + WebAdminClient.segment(line.words().get(2)), context.out());
                return OK;
            }),
        new Spec("records", "export", List.of("ADDRESS"), Set.of("from", "to", "format"), Set.of(),
            "Writes an account's records of [from, to) as one mbox file (--format mbox, the default) or a ZIP of .eml files "
                + "(--format zip); audited; redirect to a file.",
            (line, context) -> {
                context.webAdmin().copy(accountPath(line, "/records/export") + WebAdminClient.query(only(line, "from", "to", "format")),
                    context.out());
                return OK;
            }),
        new Spec("records", "restore", List.of("ID"), Set.of(), Set.of(),
            "Puts a copy of the record, unread, back into its citizen's INBOX.",
            (line, context) -> show(context, "POST", "/records/" + WebAdminClient.segment(line.words().get(2)) + "/restore",
                List.of("id", "account", "mailbox", "uid"))),
        new Spec("records", "hold", List.of("ADDRESS"), Set.of(), Set.of(),
            "Places a legal hold on an account: none of its records is disposed of until the hold is released.",
            (line, context) -> show(context, "PUT", accountPath(line, "/hold"), List.of("account", "held", "changed"))),
        new Spec("records", "release", List.of("ADDRESS"), Set.of(), Set.of(), "Releases the legal hold on an account.",
            (line, context) -> show(context, "DELETE", accountPath(line, "/hold"), List.of("account", "held", "changed"))),
        new Spec("records", "hold-program", List.of("PROGRAM"), Set.of(), Set.of(),
            "Places a legal hold on a program (an id of programs.yaml): none of its records is disposed of.",
            (line, context) -> show(context, "PUT", programHoldPath(line), List.of("program", "held", "changed"))),
        new Spec("records", "release-program", List.of("PROGRAM"), Set.of(), Set.of(), "Releases the legal hold on a program.",
            (line, context) -> show(context, "DELETE", programHoldPath(line), List.of("program", "held", "changed"))),
        new Spec("records", "holds", List.of(), Set.of(), Set.of(), "Lists the legal holds on accounts and programs.",
            (line, context) -> list(context, "/records/holds", HOLD_COLUMNS)),
        new Spec("relay-accounts", "list", List.of(), Set.of(), Set.of(), "Lists the staff MTAs' relay accounts (SMTP AUTH on the relay port).",
            (line, context) -> list(context, "/relay-accounts", RELAY_COLUMNS)),
        new Spec("relay-accounts", "create", List.of("NAME"), Set.of("password-file"), Set.of("password-file"),
            "Creates a relay account for a staff MTA; the password (16 to 256 characters) is read from the file's first line.",
            Commands::createRelayAccount),
        new Spec("relay-accounts", "password", List.of("NAME"), Set.of("password-file"), Set.of("password-file"),
            "Sets a relay account's password, read from the file's first line.",
            Commands::changeRelayPassword),
        new Spec("relay-accounts", "delete", List.of("NAME"), Set.of(), Set.of(), "Deletes a relay account: its MTA can no longer AUTH.",
            (line, context) -> done(context, "DELETE", "/relay-accounts/" + WebAdminClient.segment(line.words().get(2)),
                "relay account " + line.words().get(2) + " deleted")),
        new Spec("consent", "add", List.of(), Set.of("form", "representative", "citizen", "scope", "start", "end"),
            Set.of("form", "representative", "citizen", "scope", "start", "end"),
            "Records a representative's consent: --form 2848|15314|..., --scope read|read-reply, --start/--end ISO-8601 with offset.",
            Commands::addConsent),
        new Spec("consent", "list", List.of("ADDRESS"), Set.of(), Set.of(),
            "Lists the consents an account gives (citizen) or holds (representative), newest first.",
            (line, context) -> list(context, "/consents" + WebAdminClient.query(Map.of("account", line.words().get(2))), CONSENT_COLUMNS)),
        new Spec("consent", "revoke", List.of("ID"), Set.of(), Set.of(),
            "Revokes a consent: open delegated sessions end at their next command, new delegated logins are refused.",
            (line, context) -> done(context, "DELETE", "/consents/" + WebAdminClient.segment(line.words().get(2)),
                "consent " + line.words().get(2) + " revoked")));

    private Commands() {
    }

    static String overview() {
        StringBuilder help = new StringBuilder("""
            usage: smg [--conf DIR] [--token-file FILE] [--json] GROUP COMMAND [ARGUMENTS] [OPTIONS]

            Administers the secure messaging gateway through its WebAdmin (http://127.0.0.1:<webadmin.port>).
            The token is read from --token-file, else from the SMG_ADMIN_TOKEN environment variable, else from
            the host token file secrets/webadmin.token beside the data directory of --conf (default: conf).
            --json prints WebAdmin's JSON as is (for scripts). Exit codes: 0 done, 1 refused, 2 usage error.

            commands:
            """);
        for (Spec spec : ALL) {
            help.append("  ").append(String.format("%-27s", spec.group() + " " + spec.verb() + " "
                + String.join(" ", spec.arguments()))).append(spec.summary()).append('\n');
        }
        return help.append("\n'smg GROUP COMMAND --help' shows a command's options.\n").toString();
    }

    /** The command a line names, with its arguments and options checked. */
    static Spec find(CommandLine line) throws UsageException {
        if (line.words().size() < 2) {
            throw new UsageException(line.words().isEmpty() ? "no command given" : "'" + Tables.printable(line.words().get(0))
                + "' needs a command", overview());
        }
        String group = line.words().get(0);
        String verb = line.words().get(1);
        Spec spec = ALL.stream().filter(candidate -> candidate.group().equals(group) && candidate.verb().equals(verb)).findFirst()
            .orElseThrow(() -> new UsageException("unknown command '" + Tables.printable(group + " " + verb) + "'", overview()));
        return spec;
    }

    static void check(Spec spec, CommandLine line) throws UsageException {
        int given = line.words().size() - 2;
        if (given != spec.arguments().size()) {
            throw new UsageException(spec.arguments().isEmpty() ? "unexpected argument '" + Tables.printable(line.words().get(2)) + "'"
                : "expected " + String.join(" ", spec.arguments()), spec.usage());
        }
        for (String option : line.options().keySet()) {
            if (!spec.options().contains(option)) {
                throw new UsageException("unknown option --" + Tables.printable(option), spec.usage());
            }
        }
        for (String option : spec.required()) {
            if (!line.options().containsKey(option)) {
                throw new UsageException("--" + option + " is required", spec.usage());
            }
        }
    }

    private static int createInvitation(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        ObjectNode body = WebAdminClient.JSON.createObjectNode();
        body.put("program", line.options().get("program"));
        body.put("email", line.options().get("email"));
        body.put("name", line.options().get("name"));
        line.option("ein").ifPresent(ein -> body.put("ein", ein));
        line.option("entity-name").ifPresent(entity -> body.put("entityName", entity));
        return show(context, "POST", "/invitations", body.toString(), List.of("id", "address", "link", "expires"));
    }

    private static int addConsent(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        ObjectNode body = WebAdminClient.JSON.createObjectNode();
        for (String field : List.of("form", "representative", "citizen", "scope", "start", "end")) {
            body.put(field, line.options().get(field));
        }
        return show(context, "POST", "/consents", body.toString(), CONSENT_FIELDS);
    }

    private static int queryAudit(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        String path = "/audit" + WebAdminClient.query(only(line, "from", "to"));
        if (context.json()) {
            context.webAdmin().copy(path, context.out());
            return OK;
        }
        String lines = context.webAdmin().send("GET", path, null);
        var entries = WebAdminClient.JSON.createArrayNode();
        for (String entry : lines.split("\n")) {
            if (!entry.isBlank()) {
                entries.add(WebAdminClient.JSON.readTree(entry));
            }
        }
        context.out().print(Tables.table(entries, AUDIT_COLUMNS));
        return OK;
    }

    private static int verifyAudit(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        String answer = context.webAdmin().send("GET", "/audit/verify" + WebAdminClient.query(only(line, "head")), null);
        JsonNode result = WebAdminClient.JSON.readTree(answer);
        boolean valid = result.path("valid").asBoolean(false);
        if (context.json()) {
            context.out().println(answer.strip());
        } else if (valid) {
            context.out().println("audit trail valid" + line.option("head").map(head -> " (head " + Tables.printable(head) + " present)").orElse(""));
        } else {
            context.out().println("audit trail NOT valid");
            if (!result.path("firstBadSequence").isNull()) {
                context.out().println("first bad entry: sequence " + result.get("firstBadSequence").asText());
            }
            if (!result.path("missingAfter").isNull()) {
                context.out().println("entries missing after sequence " + result.get("missingAfter").asText());
            }
        }
        return valid ? OK : REFUSED;
    }

    private static int createAdmin(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        ObjectNode body = WebAdminClient.JSON.createObjectNode();
        body.put("name", line.words().get(2));
        int code = show(context, "POST", "/admins", body.toString(), List.of("name", "token", "created"));
        if (!context.json()) {
            context.out().println("The token is shown only now: hand it to the administrator over a private channel.");
        }
        return code;
    }

    /** The password comes from a file, never the command line, which other users of the host can read (ps). */
    private static int createRelayAccount(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        ObjectNode body = WebAdminClient.JSON.createObjectNode();
        body.put("name", line.words().get(2));
        body.put("password", firstLine(line.options().get("password-file")));
        return show(context, "POST", "/relay-accounts", body.toString(), List.of("name", "created", "createdBy"));
    }

    private static int changeRelayPassword(CommandLine line, Context context) throws IOException, InterruptedException, WebAdminClient.Refused {
        ObjectNode body = WebAdminClient.JSON.createObjectNode();
        body.put("password", firstLine(line.options().get("password-file")));
        context.webAdmin().send("POST", "/relay-accounts/" + WebAdminClient.segment(line.words().get(2)) + "/password", body.toString());
        if (!context.json()) {
            context.out().println("password of relay account " + Tables.printable(line.words().get(2)) + " changed");
        }
        return OK;
    }

    private static String firstLine(String file) throws IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.UTF_8).stream()
            .findFirst().orElse("").strip();
    }

    private static int list(Context context, String path, List<Tables.Column> columns)
            throws IOException, InterruptedException, WebAdminClient.Refused {
        String answer = context.webAdmin().send("GET", path, null);
        context.out().print(context.json() ? answer.strip() + "\n" : Tables.table(WebAdminClient.JSON.readTree(answer), columns));
        return OK;
    }

    private static int show(Context context, String method, String path, List<String> fields)
            throws IOException, InterruptedException, WebAdminClient.Refused {
        return show(context, method, path, null, fields);
    }

    private static int show(Context context, String method, String path, String body, List<String> fields)
            throws IOException, InterruptedException, WebAdminClient.Refused {
        String answer = context.webAdmin().send(method, path, body);
        context.out().print(context.json() ? answer.strip() + "\n" : Tables.fields(WebAdminClient.JSON.readTree(answer), fields));
        return OK;
    }

    private static int done(Context context, String method, String path, String message)
            throws IOException, InterruptedException, WebAdminClient.Refused {
        context.webAdmin().send(method, path, null);
        if (!context.json()) {
            context.out().println(Tables.printable(message));
        }
        return OK;
    }

    private static String quarantinePath(CommandLine line, String action) {
        return "/quarantine/" + WebAdminClient.segment(line.words().get(2)) + action;
    }

    /** A quarantine record as fields, then its refusals one per line. */
    private static int showQuarantined(Context context, String method, String path)
            throws IOException, InterruptedException, WebAdminClient.Refused {
        String answer = context.webAdmin().send(method, path, null);
        if (context.json()) {
            context.out().print(answer.strip() + "\n");
            return OK;
        }
        JsonNode record = WebAdminClient.JSON.readTree(answer);
        context.out().print(Tables.fields(record, QUARANTINE_FIELDS));
        for (JsonNode refusal : record.path("refusals")) {
            context.out().println("refusal: " + Tables.text(refusal.get("reason")) + " \"" + Tables.text(refusal.get("file")) + "\": "
                + Tables.text(refusal.get("explanation")));
        }
        return OK;
    }

    private static String accountPath(CommandLine line, String action) {
        return "/accounts/" + WebAdminClient.segment(line.words().get(2)) + action;
    }

    private static String programHoldPath(CommandLine line) {
        return "/records/program-hold" + WebAdminClient.query(Map.of("program", line.words().get(2)));
    }

    private static Map<String, String> only(CommandLine line, String... names) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : names) {
            line.option(name).ifPresent(value -> parameters.put(name, value));
        }
        return parameters;
    }

    static Optional<Spec> named(String group, String verb) {
        return ALL.stream().filter(spec -> spec.group().equals(group) && spec.verb().equals(verb)).findFirst();
    }

    static String helpFor(CommandLine line) {
        if (line.words().size() >= 2) {
            return named(line.words().get(0), line.words().get(1)).map(Spec::usage).orElse(overview());
        }
        if (line.words().size() == 1) {
            String group = line.words().get(0);
            String usages = ALL.stream().filter(spec -> spec.group().equals(group)).map(Spec::usage).collect(Collectors.joining("\n"));
            return usages.isEmpty() ? overview() : usages;
        }
        return overview();
    }
}
