package org.zhijiao.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

final class Logs {

    private Logs() {
    }

    /** The last {@code lines} lines of a log file, indented, for error messages; a note if it cannot be read. */
    static String tail(Path logFile, int lines) {
        try {
            // Malformed bytes must not hide the rest of the log.
            List<String> all = List.of(new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R"));
            return "Last lines of " + logFile + ":\n" + all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> "  | " + line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
