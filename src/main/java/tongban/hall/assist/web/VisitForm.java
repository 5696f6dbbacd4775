package tongban.hall.assist.web;

import tongban.hall.assist.HomeVisits;

/** The home-visit request as posted: name and ID number only on the community worker's form. */
record VisitForm(String name, String idNumber, String phone, String address, String townshipCode, String itemCode, String reason) {

	static VisitForm empty() {
		return new VisitForm("", "", "", "", "", "", "");
	}

	/** The request for the person named here (the community worker's form). */
	HomeVisits.Request request() {
		return new HomeVisits.Request(name, idNumber, phone, address, townshipCode, itemCode, reason);
	}

	/** The request for a person whose name and ID number come from their account. */
	HomeVisits.Request request(String personName, String personIdNumber) {
		return new HomeVisits.Request(personName, personIdNumber, phone, address, townshipCode, itemCode, reason);
	}
}
