package tongban.privacy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tongban.hotline.NewTicket;
import tongban.hotline.Submitted;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;

/**
 * A complaint about how the platform handles the person's information (个人信息保护法 Arts. 50 and 65), filed as a
 * 12345 ticket of the category {@value #CATEGORY} through the hotline's intake, from the signed-in account (its name and
 * mobile, no code), in the home region; the hotline dispatches and answers it like any other, and the person follows it
 * by its number.
 */
@Service
public class Complaints {

	/** The hotline category of personal-information complaints (data/hotline/categories.json). */
	public static final String CATEGORY = "ZW0201";

	/** The longest complaint, as the hotline takes it. */
	public static final int MAX = NewTicket.MAX_DESCRIPTION;

	private final TicketIntake intake;
	private final IdentityManagement identity;
	private final String region;

	Complaints(TicketIntake intake, IdentityManagement identity, @Value("${tongban.home-region:330106}") String region) {
		this.intake = intake;
		this.identity = identity;
		this.region = region;
	}

	/** Files the complaint; the hotline's refusals (a description too short or long) come back by field. */
	public Submitted file(UUID accountId, String text) {
		IdentityManagement.Contact contact = identity.contact(accountId).orElseThrow(() -> DomainException.notFound("account"));
		NewTicket ticket = new NewTicket("COMPLAINT", CATEGORY, null, region, "", null, null, text, null, null, null, false, List.of())
			.withContact(contact.name(), contact.mobile());
		return intake.submit(ticket, TicketSource.account(accountId, contact.name()));
	}
}
