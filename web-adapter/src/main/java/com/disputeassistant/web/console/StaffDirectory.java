package com.disputeassistant.web.console;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local staff accounts, checked once at start: every problem is listed at once, each saying what to
 * change, and the application does not start with any. Usernames are matched case-insensitively.
 */
final class StaffDirectory {
    /** bcrypt as Spring Security writes it, with or without the {@code {bcrypt}} id in front. */
    private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Map<String, StaffMember> byUsername;
    /** By the value of the OpenID Connect claim that is the person, lower case. */
    private final Map<String, StaffMember> byOidc;

    private StaffDirectory(Map<String, StaffMember> byUsername, Map<String, StaffMember> byOidc) {
        this.byUsername = byUsername;
        this.byOidc = byOidc;
    }

    static StaffDirectory of(ConsoleSettings settings, ProcedureSettings procedure) {
        List<String> problems = new ArrayList<>();
        Map<String, StaffMember> members = new LinkedHashMap<>();
        Map<String, StaffMember> byOidc = new LinkedHashMap<>();
        int number = 0;
        for (ConsoleSettings.Account account : settings.accounts()) {
            number++;
            if (isBlank(account.username()) && isBlank(account.passwordHash()) && isBlank(account.oidc())) {
                // An empty slot, such as docker-compose.yml passing through unset variables.
                continue;
            }
            String where = "dispute.console.accounts[" + (number - 1) + "]";
            String username = account.username() == null ? "" : account.username().strip();
            if (!USERNAME.matcher(username).matches()) {
                problems.add(where + ": username '" + username + "' must be 1-64 letters, digits, '.', '_', '@' or '-'");
                continue;
            }
            where += " (" + username + ")";
            String key = username.toLowerCase(Locale.ROOT);
            if (members.containsKey(key)) {
                problems.add(where + ": the username is used twice; give each account its own");
                continue;
            }
            String hash = account.passwordHash() == null ? "" : account.passwordHash().strip();
            String oidc = account.oidc() == null ? "" : account.oidc().strip().toLowerCase(Locale.ROOT);
            if (hash.isEmpty() && oidc.isEmpty()) {
                problems.add(where + ": needs a password-hash (make one with 'java -jar dispute-assistant.jar "
                        + "hash-password'), or an oidc value to sign in with OpenID Connect, or both");
            } else if (!hash.isEmpty() && !BCRYPT.matcher(hash).matches()) {
                problems.add(where + ": password-hash must be a bcrypt hash; make one with "
                        + "'java -jar dispute-assistant.jar hash-password' and paste all of what it prints");
            }
            if (!oidc.isEmpty() && byOidc.containsKey(oidc)) {
                problems.add(where + ": oidc '" + oidc + "' is another account's too; give each person their own");
            }
            StaffRole role = null;
            try {
                role = StaffRole.valueOf(account.role().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": role '" + account.role() + "' must be mediator or supervisor");
            }
            List<ChannelIdentity> identities = new ArrayList<>();
            for (String text : account.identities()) {
                Optional<ChannelIdentity> identity = ChannelIdentity.parse(text);
                if (identity.isEmpty()) {
                    problems.add(where + ": identity '" + text + "' must be written channel:id, like web:maria");
                } else if (!procedure.isMediator(identity.get())) {
                    problems.add(where + ": " + identity.get() + " is not in dispute.procedure.mediators; add it "
                            + "there, or remove it from the account");
                } else {
                    identities.add(identity.get());
                }
            }
            Optional<ChannelIdentity> web = identities.stream().filter(i -> i.channel().equals("web")).findFirst();
            if (web.isEmpty()) {
                problems.add(where + ": needs a web: identity among its identities (the console acts as it), "
                        + "like web:" + key + ", listed in dispute.procedure.mediators too");
            }
            if (role != null && web.isPresent()) {
                StaffMember member = new StaffMember(username, hash, role, List.copyOf(identities), web.get());
                members.put(key, member);
                if (!oidc.isEmpty()) {
                    byOidc.putIfAbsent(oidc, member);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot use the console accounts (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        }
        return new StaffDirectory(Map.copyOf(members), Map.copyOf(byOidc));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    Optional<StaffMember> find(String username) {
        return username == null ? Optional.empty()
                : Optional.ofNullable(byUsername.get(username.strip().toLowerCase(Locale.ROOT)));
    }

    /** The account whose {@code oidc} is this claim's value (compared ignoring case). */
    Optional<StaffMember> findByOidc(String claimValue) {
        return claimValue == null ? Optional.empty()
                : Optional.ofNullable(byOidc.get(claimValue.strip().toLowerCase(Locale.ROOT)));
    }

    int size() {
        return byUsername.size();
    }
}
