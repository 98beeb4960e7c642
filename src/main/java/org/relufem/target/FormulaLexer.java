package org.relufem.target;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula into tokens for {@link FormulaParser}: numbers ({@code 2}, {@code 0.5},
 * {@code .5}, {@code 1e-3}), names, the operators {@code + - * / ^ < <= > >= == != && || !} and
 * {@code ( ) ,}. Any other character is a {@link FormulaException} naming it and its column, with
 * a hint for the characters other languages use ({@code =}, {@code &}, {@code |}, {@code .}).
 */
final class FormulaLexer {
    private FormulaLexer() {
    }

    enum Kind { NUMBER, NAME, OPERATOR, END }

    record Token(Kind kind, String text, int column) {
        boolean is(String s) {
            return kind != Kind.NUMBER && text.equals(s);
        }

        String quoted() {
            return kind == Kind.END ? "the end of the formula" : "'" + text + "'";
        }
    }

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
                int end = number(s, i);
                out.add(new Token(Kind.NUMBER, s.substring(i, end), column));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    end++;
                }
                out.add(new Token(Kind.NAME, s.substring(i, end), column));
                i = end;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (List.of("<=", ">=", "==", "!=", "&&", "||").contains(two)) {
                    out.add(new Token(Kind.OPERATOR, two, column));
                    i += 2;
                } else if ("+-*/^<>!(),".indexOf(c) >= 0) {
                    out.add(new Token(Kind.OPERATOR, String.valueOf(c), column));
                    i++;
                } else {
                    throw new FormulaException(String.valueOf(c), column, "unexpected character '" + c + "' at column "
                            + column + hint(c));
                }
            }
        }
        out.add(new Token(Kind.END, "", s.length() + 1));
        return out;
    }

    private static String hint(char c) {
        return switch (c) {
            case '=' -> ": compare with ==";
            case '&' -> ": write && for and";
            case '|' -> ": write || for or";
            case '.' -> ": a formula has no methods or fields";
            default -> "";
        };
    }

    /** The end of the number starting at {@code i}: digits [. digits] [e [+-] digits]. */
    private static int number(String s, int i) {
        int end = digits(s, i);
        if (end < s.length() && s.charAt(end) == '.') {
            end = digits(s, end + 1);
        }
        if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int exponent = end + 1;
            if (exponent < s.length() && (s.charAt(exponent) == '+' || s.charAt(exponent) == '-')) {
                exponent++;
            }
            int after = digits(s, exponent);
            if (after == exponent) {
                throw new FormulaException(s.substring(i, exponent), i + 1, "malformed number '" + s.substring(i, exponent)
                        + "' at column " + (i + 1) + ": the exponent has no digits");
            }
            end = after;
        }
        if (end < s.length() && s.charAt(end) == '.') {
            throw new FormulaException(s.substring(i, end + 1), i + 1, "malformed number '" + s.substring(i, end + 1)
                    + "' at column " + (i + 1));
        }
        return end;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
