package io.otbroker.terminal;

import java.util.Optional;

/**
 * A terminal's size in character cells, as the browser fits it to the window. Bounded, so that a browser
 * cannot make the asset's pty (or the recording's header) absurdly large.
 */
record TerminalSize(int columns, int rows) {

    static final int MAX_COLUMNS = 500;
    static final int MAX_ROWS = 200;
    static final TerminalSize DEFAULT = new TerminalSize(80, 24);

    /** The size if both are within 1..{@link #MAX_COLUMNS} and 1..{@link #MAX_ROWS}, else empty. */
    static Optional<TerminalSize> of(long columns, long rows) {
        boolean fits = columns >= 1 && columns <= MAX_COLUMNS && rows >= 1 && rows <= MAX_ROWS;
        return fits ? Optional.of(new TerminalSize((int) columns, (int) rows)) : Optional.empty();
    }

    /** The size in a query string {@code cols=C&rows=R} (as the page opens the socket), else {@link #DEFAULT}. */
    static TerminalSize fromQuery(String query) {
        long columns = -1;
        long rows = -1;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[1].matches("\\d{1,4}")) {
                if (parts[0].equals("cols")) {
                    columns = Long.parseLong(parts[1]);
                } else if (parts[0].equals("rows")) {
                    rows = Long.parseLong(parts[1]);
                }
            }
        }
        return of(columns, rows).orElse(DEFAULT);
    }
}
