package no.rusplan.model;

/** Prevention level of a measure, where the plan gives one. */
public enum PreventionLevel implements Coded {
    PRIMARY, SECONDARY, TERTIARY, UNIVERSAL, SELECTIVE, INDICATED
}
