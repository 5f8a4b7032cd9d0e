package org.smg.policies.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Parses IPv4 and IPv6 address literals to bytes without ever touching DNS. */
final class IpLiterals {

    // Leading zeros are refused: some resolvers read "010" as octal, so its meaning would be ambiguous.
    private static final Pattern IPV4_PART = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /** Returns 4 or 16 address bytes, or null when the text is not an address literal. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    /** Returns the InetAddress of a literal, or throws IllegalArgumentException with the given expectation. */
    static InetAddress parseAddress(String text, String expectation) {
        byte[] bytes = parse(text);
        if (bytes == null) {
            throw new IllegalArgumentException(Messages.expected(expectation, text));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("address of " + bytes.length + " bytes", impossible);
        }
    }

    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!IPV4_PART.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    private static byte[] parseIpv6(String text) {
        if (!IPV6_CHARS.matcher(text).matches()) {
            return null;
        }
        String groupsText = text;
        byte[] ipv4Tail = null;
        if (text.indexOf('.') >= 0) {
            // An embedded IPv4 tail (::ffff:192.0.2.1) takes the place of the last two groups.
            int lastColon = text.lastIndexOf(':');
            ipv4Tail = parseIpv4(text.substring(lastColon + 1));
            if (ipv4Tail == null) {
                return null;
            }
            groupsText = text.substring(0, lastColon + 1) + "0:0";
        }
        int[] groups = groups(groupsText);
        if (groups == null) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        if (ipv4Tail != null) {
            System.arraycopy(ipv4Tail, 0, bytes, 12, 4);
        }
        return bytes;
    }

    private static int[] groups(String text) {
        int gap = text.indexOf("::");
        if (gap != text.lastIndexOf("::")) {
            return null;
        }
        if (gap < 0) {
            List<Integer> all = hexGroups(text);
            return all == null || all.size() != 8 ? null : toEightGroups(all, List.of());
        }
        List<Integer> head = hexGroups(text.substring(0, gap));
        List<Integer> tail = hexGroups(text.substring(gap + 2));
        if (head == null || tail == null || head.size() + tail.size() > 7) {
            return null;
        }
        return toEightGroups(head, tail);
    }

    private static List<Integer> hexGroups(String text) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        for (String group : text.split(":", -1)) {
            if (!IPV6_GROUP.matcher(group).matches()) {
                return null;
            }
            groups.add(Integer.parseInt(group, 16));
        }
        return groups;
    }

    private static int[] toEightGroups(List<Integer> head, List<Integer> tail) {
        int[] groups = new int[8];
        for (int i = 0; i < head.size(); i++) {
            groups[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            groups[8 - tail.size() + i] = tail.get(i);
        }
        return groups;
    }

    /** Writes address bytes in canonical form: dotted quad, or RFC 5952 IPv6. */
    static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            // RFC 5952 section 5: IPv4-mapped addresses keep their IPv4 part readable.
            return "::ffff:" + format(Arrays.copyOfRange(bytes, 12, 16));
        }
        return formatIpv6(groups);
    }

    private static String formatIpv6(int[] groups) {
        // RFC 5952: compress the longest run of two or more zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
