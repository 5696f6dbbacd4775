package tongban.casework;

/** A material of a case; trust level A when taken from the applicant's wallet (then the licence's identifier). */
public record MaterialView(int index, String name, String fileId, String sha256, long size, String contentType,
		String originalName, String trustLevel, String licenceIdentifier) {

	public boolean fromLicence() {
		return licenceIdentifier != null;
	}
}
