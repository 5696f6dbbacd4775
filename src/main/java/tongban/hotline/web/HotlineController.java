package tongban.hotline.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.hotline.HeldAttachments;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.NewTicket;
import tongban.hotline.PhoneConfirmation;
import tongban.hotline.PublicReplies;
import tongban.hotline.Satisfaction;
import tongban.hotline.Submitted;
import tongban.hotline.Ticket;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketId;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketLogEntry;
import tongban.hotline.TicketSource;
import tongban.hotline.Tickets;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Masking;
import tongban.shared.Upload;

/**
 * The public side of 12345: submit (signed in, or anonymously with the phone confirmed by an SMS code), follow a ticket
 * with its number and phone, rate the answer, read published replies; a signed-in citizen's own tickets.
 */
@Controller
class HotlineController {

	private static final Pattern TICKET_NUMBER = Pattern.compile("GD\\d{14,}");

	private final Tickets tickets;
	private final TicketIntake intake;
	private final PhoneConfirmation phones;
	private final TicketClosing closing;
	private final PublicReplies replies;
	private final HotlineCatalogue catalogue;
	private final DirectoryManagement directory;
	private final IdentityManagement identity;
	private final AddressLimits limits;
	private final HeldAttachments held;

	HotlineController(Tickets tickets, TicketIntake intake, PhoneConfirmation phones, TicketClosing closing, PublicReplies replies,
			HotlineCatalogue catalogue, DirectoryManagement directory, IdentityManagement identity, AddressLimits limits,
			HeldAttachments held) {
		this.tickets = tickets;
		this.intake = intake;
		this.phones = phones;
		this.closing = closing;
		this.replies = replies;
		this.limits = limits;
		this.held = held;
		this.catalogue = catalogue;
		this.directory = directory;
		this.identity = identity;
	}

	/** One step of a ticket as the submitter sees it: departments by name, never a staff member's name. */
	public record PublicEvent(OffsetDateTime at, String action, String who, String note) {
	}

	@GetMapping("/hotline")
	String index(Model model) {
		model.addAttribute("replies", replies.latest(5));
		return "hotline/index";
	}

	void formModel(Model model, Optional<Actor> citizen) {
		model.addAttribute("types", NewTicket.TYPES);
		model.addAttribute("categories", catalogue.categories());
		model.addAttribute("regions", directory.homeCityDistricts());
		model.addAttribute("citizen", citizen.orElse(null));
	}

	@GetMapping("/hotline/new")
	String form(@CurrentActor Optional<Actor> citizen, Model model) {
		model.addAttribute("form", TicketForm.empty(directory.homeRegion()));
		formModel(model, citizen);
		return "hotline/new";
	}

	@PostMapping("/hotline/new")
	String submit(@ModelAttribute("form") TicketForm form, BindingResult errors,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "held", required = false) List<String> heldTokens,
			@RequestParam(defaultValue = "submit") String action, @CurrentActor Optional<Actor> citizen, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		formModel(model, citizen);
		List<String> tokens = heldTokens == null ? List.of() : heldTokens;
		List<Upload> chosen = TicketForms.uploads(files);
		if ("code".equals(action) && citizen.isEmpty()) {
			if (limits.codes.blocked(request.getRemoteAddr())) {
				errors.rejectValue("phone", "hotline.error.code.address");
				return again(model, tokens, chosen, request.getRemoteAddr());
			}
			Optional<FieldProblem> p = phones.sendCode(form.phone());
			if (p.isEmpty()) {
				limits.codes.count(request.getRemoteAddr());
			}
			if (p.isPresent()) {
				TicketForms.reject(List.of(p.get()), errors);
			}
			else {
				model.addAttribute("codeSentTo", Masking.mobile(form.phone().strip()));
			}
			return again(model, tokens, chosen, request.getRemoteAddr());
		}
		List<Upload> uploads = new ArrayList<>(held.uploads(tokens));
		uploads.addAll(chosen);
		NewTicket command = TicketForms.commandWith(form, uploads, errors).withCategoryUrgency();
		TicketSource source = TicketSource.anonymous();
		if (citizen.isPresent()) {
			Actor a = citizen.get();
			command = command.withContact(a.accountName(),
					identity.contact(a.accountId()).map(IdentityManagement.Contact::mobile).orElse(""));
			source = TicketSource.account(a.accountId(), a.accountName());
		}
		if (errors.hasErrors()) {
			return again(model, tokens, chosen, request.getRemoteAddr());
		}
		Submitted s = intake.submit(command, source);
		if (!s.ok()) {
			TicketForms.reject(s.problems(), errors);
			return again(model, tokens, chosen, request.getRemoteAddr());
		}
		held.release(tokens);
		redirect.addFlashAttribute("number", s.number());
		return "redirect:/hotline/submitted";
	}

	/**
	 * The form shown again: files chosen on it are kept and listed (ticked) with those kept before, since a browser
	 * cannot carry a chosen file to the next page.
	 */
	private String again(Model model, List<String> tokens, List<Upload> chosen, String address) {
		List<HeldAttachments.Held> kept = new ArrayList<>(held.find(tokens));
		boolean chose = chosen.stream().anyMatch(upload -> upload != null && upload.bytes() != null && upload.bytes().length > 0);
		if (chose && limits.held.blocked(address)) {
			// files kept for anonymous forms are disk space: an address that keeps redisplaying forms chooses again
			model.addAttribute("heldRefused", true);
		}
		else if (chose) {
			limits.held.count(address);
			kept.addAll(held.hold(chosen));
		}
		model.addAttribute("held", kept);
		return "hotline/new";
	}

	@GetMapping("/hotline/submitted")
	String submitted(Model model) {
		if (!model.containsAttribute("number")) {
			return "redirect:/hotline/follow";
		}
		return "hotline/submitted";
	}

	/** The follow form; the link in the receipt text fills in the ticket's number. */
	@GetMapping("/hotline/follow")
	String followForm(@RequestParam(defaultValue = "") String number, Model model) {
		if (TICKET_NUMBER.matcher(number.strip()).matches()) {
			model.addAttribute("number", number.strip());
		}
		return "hotline/follow";
	}

	@PostMapping("/hotline/follow")
	String follow(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String phone,
			HttpServletRequest request, Model model) {
		model.addAttribute("number", number.strip());
		model.addAttribute("phone", phone.strip());
		if (limits.follow.blocked(request.getRemoteAddr())) {
			model.addAttribute("notFound", "hotline.follow.tooMany");
			return "hotline/follow";
		}
		Optional<Ticket> t = tickets.follow(number, phone);
		if (t.isEmpty()) {
			limits.follow.count(request.getRemoteAddr());
			model.addAttribute("notFound", "hotline.follow.notFound");
			return "hotline/follow";
		}
		show(t.get(), model);
		return "hotline/follow";
	}

	@PostMapping("/hotline/follow/rate")
	String rate(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String satisfaction, @RequestParam(defaultValue = "") String note,
			HttpServletRequest request, Model model) {
		if (limits.follow.blocked(request.getRemoteAddr())) {
			throw DomainException.notFound("ticket");
		}
		Ticket t = tickets.follow(number, phone).orElseThrow(() -> {
			limits.follow.count(request.getRemoteAddr());
			return DomainException.notFound("ticket");
		});
		return rated(t, satisfaction, note, "群众", model, () -> follow(number, phone, request, model));
	}

	private String rated(Ticket t, String satisfaction, String note, String who, Model model, Supplier<String> page) {
		try {
			closing.revisit(t.id(), who, Satisfaction.of(satisfaction), note, false);
			model.addAttribute("banner", "hotline.rated");
		}
		catch (DomainException e) {
			model.addAttribute("rateError", "error." + e.code());
		}
		return page.get();
	}

	void show(Ticket t, Model model) {
		model.addAttribute("ticket", t);
		model.addAttribute("category", catalogue.category(t.categoryCode()).orElse(null));
		model.addAttribute("regionName", directory.fullName(t.regionCode()));
		model.addAttribute("lead", t.leadDepartment() == null ? null : tickets.departmentName(t.leadDepartment()));
		model.addAttribute("mergedInto", tickets.numberOf(t.mergedInto()).orElse(null));
		model.addAttribute("events", tickets.history(t.id(), true)
			.stream()
			.map(e -> new PublicEvent(e.at(), e.action(), publicActor(e), e.note()))
			.toList());
	}

	/** Who did a step, as the submitter sees it: a department by name, never a member of staff. */
	private String publicActor(TicketLogEntry e) {
		return switch (e.action()) {
			case "SUBMITTED", "RATED" -> "诉求人";
			case "RETURNED", "REPLIED", "COMPLEX", "ASSISTED" -> tickets.departmentName(e.department());
			default -> "12345热线";
		};
	}

	@GetMapping("/hotline/replies")
	String replies(Model model) {
		model.addAttribute("replies", replies.latest(100));
		return "hotline/replies";
	}

	// ---- a signed-in citizen's own tickets

	@GetMapping("/account/tickets")
	String mine(@CurrentActor Actor citizen, Model model) {
		model.addAttribute("tickets", tickets.ofAccount(citizen.accountId()));
		return "hotline/mine";
	}

	private Ticket own(Actor citizen, String number) {
		return tickets.byNumber(number).filter(t -> citizen.accountId().equals(t.accountId()))
			.orElseThrow(() -> DomainException.notFound("ticket"));
	}

	@GetMapping("/account/tickets/{number}")
	String mineOne(@PathVariable String number, @CurrentActor Actor citizen, Model model) {
		show(own(citizen, number), model);
		model.addAttribute("signedIn", true);
		return "hotline/follow";
	}

	@PostMapping("/account/tickets/{number}/rate")
	String rateMine(@PathVariable String number, @RequestParam(defaultValue = "") String satisfaction,
			@RequestParam(defaultValue = "") String note, @CurrentActor Actor citizen, Model model) {
		Ticket t = own(citizen, number);
		TicketId id = t.id();
		return rated(t, satisfaction, note, "诉求人", model, () -> {
			show(tickets.find(id).orElseThrow(), model);
			model.addAttribute("signedIn", true);
			return "hotline/follow";
		});
	}
}
