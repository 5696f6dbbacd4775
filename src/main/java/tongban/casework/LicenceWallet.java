package tongban.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 用证: what casework needs of the licence registry, implemented by the licence module (which depends on casework, not
 * the other way round): the valid licences of a kind a party holds, and using one for a case's material, which the
 * registry records and shows to the holder.
 */
public interface LicenceWallet {

	/** A licence as a material: the sealed file it is kept as, and what identifies it. */
	record Held(String identifier, String name, String number, String holderName, LocalDate validTo, String fileId, String sha256,
			long size) {
	}

	/** The party's valid licences of the named kind (e.g. 结婚证), newest first. */
	List<Held> held(UUID partyId, String licenceName);

	/**
	 * Uses the party's licence for a material of a case: empty when the party holds no valid licence of that kind with
	 * that identifier. The use is recorded with the case, item, material, department and who used it.
	 */
	Optional<Held> use(UUID partyId, String identifier, String licenceName, UUID caseId, String itemName, String materialName,
			String departmentCode, String usedBy);
}
