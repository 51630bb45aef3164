package no.rusplan.model;

/** Who a help offer is for. */
public enum Audience implements Coded {
    RELATIVES, CHILDREN_YOUTH, ADULTS, PREGNANT_FAMILIES, ELDERLY, WORKPLACES, PROFESSIONALS
}
