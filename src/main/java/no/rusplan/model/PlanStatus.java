package no.rusplan.model;

/** A plan's status as its source document states it. */
public enum PlanStatus implements Coded {
    ADOPTED, PROPOSAL, REVISION, UNKNOWN
}
