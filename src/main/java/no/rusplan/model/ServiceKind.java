package no.rusplan.model;

/** What kind of provider a help offer is. */
public enum ServiceKind implements Coded {
    MUNICIPAL, PUBLIC, SPECIALIST, VOLUNTARY, SELF_HELP, TREATMENT, COMPETENCE
}
