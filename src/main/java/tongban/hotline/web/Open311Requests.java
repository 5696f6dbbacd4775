package tongban.hotline.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tongban.directory.DirectoryManagement;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.PublicReplies;
import tongban.hotline.Ticket;
import tongban.hotline.TicketStatus;
import tongban.hotline.Tickets;
import tongban.shared.Clocks;

/**
 * A ticket as an Open311 service request: its status maps to {@code open} or {@code closed} with {@code status_notes}.
 * Privacy beyond the spec: the description, address and coordinates are public only when the submitter agreed to
 * publication; the submitter's name and phone never are.
 */
@Component
class Open311Requests {

	static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final Tickets tickets;
	private final HotlineCatalogue catalogue;
	private final DirectoryManagement directory;
	private final MessageSource messages;

	Open311Requests(Tickets tickets, HotlineCatalogue catalogue, DirectoryManagement directory, MessageSource messages) {
		this.tickets = tickets;
		this.catalogue = catalogue;
		this.directory = directory;
		this.messages = messages;
	}

	/** A message in Chinese (Open311 answers are not localised). */
	String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
	}

	Map<String, Object> request(Ticket t) {
		boolean open = t.publishConsent() && !"REPORT".equals(t.type());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_request_id", t.number());
		m.put("status", t.open() ? "open" : "closed");
		m.put("status_notes", statusNotes(t));
		m.put("service_name", catalogue.category(t.categoryCode()).map(HotlineCatalogue.Category::name).orElse(t.categoryCode()));
		m.put("service_code", t.categoryCode());
		m.put("description", open ? masked(t.description(), t) : null);
		m.put("agency_responsible", t.leadDepartment() == null ? "12345政务服务便民热线" : tickets.departmentName(t.leadDepartment()));
		m.put("service_notice", null);
		m.put("requested_datetime", w3c(t.createdAt()));
		// "For requests with status=closed, this will be the date the request was closed."
		m.put("updated_datetime", w3c(!t.open() && t.closedAt() != null ? t.closedAt() : t.updatedAt()));
		m.put("expected_datetime", t.due() == null ? null : w3c(t.due()));
		m.put("address", open && t.address() != null ? masked(t.address(), t) : directory.fullName(t.regionCode()));
		m.put("address_id", null);
		m.put("zipcode", null);
		m.put("lat", open && t.lat() != null ? t.lat() : null);
		m.put("long", open && t.lon() != null ? t.lon() : null);
		m.put("media_url", null);
		return m;
	}

	/**
	 * Published text without the submitter: numbers that look like phones or ID numbers, and the submitter's name,
	 * masked; consent covers the matter, never the person.
	 */
	private static String masked(String text, Ticket t) {
		if (text == null) {
			return null;
		}
		String m = PublicReplies.anonymised(text);
		String name = t.contactName() == null ? "" : t.contactName().strip();
		return name.isEmpty() ? m : m.replace(name, "*".repeat(name.length()));
	}

	private String statusNotes(Ticket t) {
		String base = msg("hotline.status." + t.status());
		if (t.status() == TicketStatus.MERGED) {
			return base + "（并入 " + tickets.numberOf(t.mergedInto()).orElse("") + "）";
		}
		// the answer speaks to the description: public only where the description is
		if (t.reply() != null && !t.open() && t.publishConsent() && !"REPORT".equals(t.type())) {
			return base + "：" + masked(t.reply(), t);
		}
		return base;
	}

	private static String w3c(OffsetDateTime t) {
		return t.atZoneSameInstant(Clocks.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).format(W3C);
	}
}
