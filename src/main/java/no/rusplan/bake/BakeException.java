package no.rusplan.bake;

import java.util.List;
import java.util.stream.Collectors;

/** JBake or a template failed: a fault in templates or configuration, not in content. */
public final class BakeException extends Exception {
    public BakeException(List<Throwable> errors) {
        super("Baking failed:\n" + errors.stream().map(BakeException::describe).collect(Collectors.joining("\n")));
        errors.forEach(this::addSuppressed);
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
