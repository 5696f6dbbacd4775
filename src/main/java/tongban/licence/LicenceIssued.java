package tongban.licence;

import java.util.UUID;

/** A licence was issued into a holder's wallet. */
public record LicenceIssued(UUID licenceId, String identifier, String name, UUID holderPartyId, UUID caseId) {
}
