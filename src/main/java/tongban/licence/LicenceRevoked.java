package tongban.licence;

import java.util.UUID;

/** A licence was revoked (撤销/吊销): verification now answers REVOKED; the holder's wallet shows it so. */
public record LicenceRevoked(UUID licenceId, String identifier, String name, UUID holderPartyId, UUID caseId, String reason) {
}
