package no.rusplan.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.rusplan.content.Problem;
import no.rusplan.model.Service;
import no.rusplan.model.SiteModel;

/**
 * Warns about help offers whose facts were last confirmed longer ago than
 * {@code verified.max-age-months}: they still build (the page says so), but an editor should
 * confirm them. Each warning points at the entry's {@code :verified:} line.
 */
public final class StalenessCheck {
    private StalenessCheck() {
    }

    public static List<Problem> warnings(SiteModel site, LocalDate today) {
        List<Problem> warnings = new ArrayList<>();
        for (Service service : site.staleServices(today)) {
            Path file = service.location().file();
            warnings.add(new Problem(file, lineOf(file, ":verified:"), "warning: last verified " + service.verified()
                    + ", more than " + site.settings().verifiedMaxAgeMonths() + " months ago; confirm the facts and update :verified:"));
        }
        return warnings;
    }

    private static int lineOf(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i + 1;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
