package no.rusplan.model;

import java.util.List;

/**
 * A help offer. Contact details are only what a source plan states; absent means unknown.
 *
 * @param municipalities ids of the municipalities the sources say it serves
 * @param place          where it is, as the source says (town or institution), may be empty
 * @param verified       the date of the newest source plan that describes it
 */
public record Service(String id, String name, ServiceKind kind, String provider, String summary,
                      List<Audience> audiences, List<String> municipalities, Referral referral, Cost cost,
                      String place, List<String> phones, List<String> emails, String contactNote,
                      List<String> sources, PartialDate verified, Location location) implements Item {

    public boolean serves(String municipalityId) {
        return municipalities.contains(municipalityId);
    }
}
