package no.rusplan.search;

/** A request parameter that cannot be used; the message names the parameter. */
public final class InvalidQueryException extends Exception {
    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
