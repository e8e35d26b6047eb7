package com.disputeassistant.store;

import com.disputeassistant.store.RedisAddress.Cluster;
import com.disputeassistant.store.RedisAddress.Credentials;
import com.disputeassistant.store.RedisAddress.Sentinel;
import com.disputeassistant.store.RedisAddress.Single;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import redis.clients.jedis.HostAndPort;

/** Reads a URL by hand: java.net.URI takes one host only, and a Sentinel or Cluster URL lists several. */
final class RedisUrlParser {
    static final String EXAMPLES = "redis://localhost:6379/0, rediss://user:password@host:6380, "
            + "redis-sentinel://sentinel1:26379,sentinel2:26379/mymaster or redis-cluster://node1:6379,node2:6379";
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("redis", 6379, "rediss", 6379,
            "redis-sentinel", 26379, "rediss-sentinel", 26379, "redis-cluster", 6379, "rediss-cluster", 6379);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");
    /** A parameter name that may be repeated in a message: nothing that looks like a secret. */
    private static final Pattern NUMBER_OR_NAME = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final String SENTINEL_USER = "sentinel-user";
    private static final String SENTINEL_PASSWORD = "sentinel-password";
    private static final List<String> SENTINEL_PARAMETERS = List.of(SENTINEL_USER, SENTINEL_PASSWORD);

    private final String url;
    private final List<String> problems = new ArrayList<>();

    RedisUrlParser(String url) {
        this.url = url == null ? "" : url.trim();
    }

    RedisAddress parse() {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("no Redis URL: set one like " + EXAMPLES);
        }
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!DEFAULT_PORTS.containsKey(scheme)) {
            // Whatever came instead may be a password typed in the wrong place: it is not repeated.
            throw new IllegalArgumentException("a Redis URL starts with redis://, rediss:// (TLS), redis-sentinel://"
                    + " or redis-cluster:// (rediss-sentinel://, rediss-cluster:// with TLS); for example " + EXAMPLES);
        }
        String rest = url.substring(schemeEnd + 3);
        int query = rest.indexOf('?');
        Map<String, String> parameters = parameters(query < 0 ? "" : rest.substring(query + 1));
        rest = query < 0 ? rest : rest.substring(0, query);
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        rest = rest.substring(at + 1);
        int slash = rest.indexOf('/');
        String hostList = slash < 0 ? rest : rest.substring(0, slash);
        List<String> path = path(slash < 0 ? "" : rest.substring(slash + 1));
        Credentials credentials = credentials(userInfo, "the URL's");
        List<HostAndPort> hosts = hosts(hostList, DEFAULT_PORTS.get(scheme));
        boolean tls = scheme.startsWith("rediss");
        RedisAddress address = switch (scheme.replace("rediss", "redis")) {
            case "redis-sentinel" -> sentinel(hosts, path, credentials, parameters, tls);
            case "redis-cluster" -> cluster(hosts, path, credentials, parameters, tls);
            default -> single(hosts, path, credentials, parameters, tls);
        };
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the Redis URL " + String.join("; ", problems) + ". For example "
                    + EXAMPLES + ", with special characters in a user or password %-encoded");
        }
        return address;
    }

    private Single single(List<HostAndPort> hosts, List<String> path, Credentials credentials,
                          Map<String, String> parameters, boolean tls) {
        if (hosts.size() > 1) {
            problems.add("names " + hosts.size() + " hosts: for Sentinel write redis-sentinel://, for a Cluster "
                    + "redis-cluster://");
        }
        if (path.size() > 1) {
            problems.add("has a path of several parts: after the host comes only a database number like /0");
        }
        unknownParameters(parameters, List.of());
        return new Single(hosts.isEmpty() ? null : hosts.get(0), database(path.isEmpty() ? "" : path.get(0)),
                credentials, tls);
    }

    private Sentinel sentinel(List<HostAndPort> hosts, List<String> path, Credentials credentials,
                              Map<String, String> parameters, boolean tls) {
        if (path.isEmpty()) {
            problems.add("names no master: after the sentinels comes the master's name, like /mymaster");
        } else if (path.size() > 2) {
            problems.add("has a path of more than two parts: after the sentinels come /master and an optional "
                    + "database number");
        }
        unknownParameters(parameters, SENTINEL_PARAMETERS);
        String sentinelUser = parameters.get(SENTINEL_USER);
        String sentinelPassword = parameters.get(SENTINEL_PASSWORD);
        if (sentinelUser != null && sentinelPassword == null) {
            problems.add("has a sentinel-user but no sentinel-password");
        }
        Credentials sentinel = sentinelUser == null && sentinelPassword == null ? Credentials.NONE
                : new Credentials(decode(sentinelUser, "the sentinel-user"), decode(sentinelPassword, "the sentinel-password"));
        return new Sentinel(path.isEmpty() ? "" : path.get(0), hosts, database(path.size() > 1 ? path.get(1) : ""),
                credentials, sentinel, tls);
    }

    private Cluster cluster(List<HostAndPort> hosts, List<String> path, Credentials credentials,
                            Map<String, String> parameters, boolean tls) {
        if (!path.isEmpty() && !path.equals(List.of("0"))) {
            problems.add("has a path: a Redis Cluster has database 0 only, so nothing comes after the hosts");
        }
        unknownParameters(parameters, List.of());
        return new Cluster(hosts, credentials, tls);
    }

    private Credentials credentials(String userInfo, String whose) {
        if (userInfo == null) {
            return Credentials.NONE;
        }
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            problems.add("has a user but no password: write user:password@ (or :password@ for the default user)");
            return Credentials.NONE;
        }
        String user = userInfo.substring(0, colon);
        return new Credentials(user.isEmpty() ? null : decode(user, whose + " user"),
                decode(userInfo.substring(colon + 1), whose + " password"));
    }

    private List<HostAndPort> hosts(String hostList, int defaultPort) {
        List<HostAndPort> hosts = new ArrayList<>();
        String[] parts = hostList.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            // Host texts are not repeated: a password with an unencoded / or @ would end up here.
            String which = parts.length == 1 ? "the host" : "host " + (i + 1) + " of " + parts.length;
            String part = parts[i];
            int colon = part.lastIndexOf(':');
            boolean hasPort = colon >= 0 && part.indexOf(']', colon) < 0;
            String host = hasPort ? part.substring(0, colon) : part;
            String port = hasPort ? part.substring(colon + 1) : null;
            if (host.isEmpty()) {
                problems.add(parts.length == 1 ? "names no host" : "has an empty host (" + which + ")");
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                problems.add("has a host name that is not valid (" + which + "): letters, digits, dots and dashes,"
                        + " or an IPv6 address in brackets");
                continue;
            }
            int number = defaultPort;
            if (port != null) {
                number = NUMBER.matcher(port).matches() ? Integer.parseInt(port) : -1;
                if (number < 1 || number > 65535) {
                    problems.add("has a port that is not a number from 1 to 65535 (" + which + ")");
                    continue;
                }
            }
            hosts.add(new HostAndPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, number));
        }
        return hosts;
    }

    private static List<String> path(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private int database(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!NUMBER.matcher(text).matches()) {
            problems.add("has a database that is not a number like /0");
            return 0;
        }
        return Integer.parseInt(text);
    }

    private Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            parameters.put((equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT),
                    equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }

    private void unknownParameters(Map<String, String> parameters, List<String> known) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                problems.add("has a parameter it does not know" + (NUMBER_OR_NAME.matcher(name).matches()
                        ? " (" + name + ")" : "") + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
            }
        }
    }


    private String decode(String encoded, String what) {
        if (encoded == null) {
            return null;
        }
        try {
            // URLDecoder reads + as a space, which a URL's user info does not.
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            problems.add("has " + what + " with a broken %-encoding (a % must be followed by two hex digits)");
            return null;
        }
    }

    static String join(List<HostAndPort> hosts) {
        return String.join(",", hosts.stream().map(host -> (host.getHost().contains(":") ? "[" + host.getHost() + "]"
                : host.getHost()) + ":" + host.getPort()).toList());
    }
}
