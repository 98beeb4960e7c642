package org.relufem.report;

/** The little JSON the page embeds: strings escaped for a {@code <script>} block, numbers as JavaScript reads them. */
final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string literal, with {@code <} escaped so that no {@code </script>} ends the block. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A finite double in the shortest text that reads back equal; null for NaN and infinities. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
