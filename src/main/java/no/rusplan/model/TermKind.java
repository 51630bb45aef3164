package no.rusplan.model;

/** Whether a glossary entry is an abbreviation or a term. */
public enum TermKind implements Coded {
    ABBREVIATION, TERM
}
