package org.smg.gateway.james;

/** A minimal XML writer for the James configuration documents the gateway generates; escapes every value. */
final class Xml {
    private final StringBuilder out = new StringBuilder();

    Xml open(String element, String... attributes) {
        out.append('<').append(element);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    Xml close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    Xml element(String element, Object value) {
        return open(element).text(String.valueOf(value)).close(element);
    }

    Xml text(String value) {
        out.append(escape(value));
        return this;
    }

    Xml raw(Xml other) {
        out.append(other.out);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
