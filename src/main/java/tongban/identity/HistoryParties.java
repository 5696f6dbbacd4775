package tongban.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.domain.LegalPerson;
import tongban.identity.domain.LegalPersonRepository;
import tongban.identity.internal.Totp;
import tongban.shared.DataKeys;
import tongban.shared.IdNumber;
import tongban.shared.Uscc;

/**
 * The people and companies of the generated history (docs/decisions/0028): citizen accounts for adults of the demo
 * population register, companies they represent, and staff accounts of the departments that handled the history. One
 * password hash for all (the demo password), ID numbers and mobiles encrypted and blind-indexed as every account's are.
 * Asking again answers the same accounts: nothing is created twice.
 */
@Service
@Transactional
public class HistoryParties {

	/** Who applied: the account, and the party the case is for (the citizen themself or a company they represent). */
	public record Applicant(UUID accountId, Party party, String applicantName, String idNumber) {
	}

	/** A staff member named on historic steps and reads. */
	public record Staff(UUID id, String username, String name, String departmentCode) {
	}

	private static final String COMPANY_WORDS = "嘉禾瑞丰恒信华泰宏达鑫源博远正和安诚明德卓越汇通";
	private static final String[] TRADES = { "餐饮管理", "科技", "商贸", "建筑工程", "物业服务", "文化传媒", "医疗器械", "教育咨询" };

	private final AccountRepository accounts;
	private final LegalPersonRepository legalPersons;
	private final IdentityManagement identity;
	private final DirectoryManagement directory;
	private final PasswordEncoder encoder;
	private final DataKeys keys;
	/** The demo password and its hash, made once: hashing is slow on purpose. */
	private String[] hashed = { "", "" };

	HistoryParties(AccountRepository accounts, LegalPersonRepository legalPersons, IdentityManagement identity, DirectoryManagement directory,
			PasswordEncoder encoder, DataKeys keys) {
		this.accounts = accounts;
		this.legalPersons = legalPersons;
		this.identity = identity;
		this.directory = directory;
		this.encoder = encoder;
		this.keys = keys;
	}

	/**
	 * Citizen accounts for the first {@code count} adults of the population register (by ID number), with mobiles
	 * 1390106xxxx; those who have an account already keep it.
	 */
	public List<Applicant> citizens(int count, String password, LocalDate today) {
		List<Applicant> applicants = new ArrayList<>();
		List<IdentityManagement.RegisteredPerson> people = identity.populationRegister().stream()
			.filter(p -> !IdNumber.check(p.idNumber()).isPresent() && adult(p.idNumber(), today))
			.sorted(Comparator.comparing(IdentityManagement.RegisteredPerson::idNumber))
			.limit(count)
			.toList();
		int n = 0;
		for (IdentityManagement.RegisteredPerson person : people) {
			Optional<Account> existing = accounts.findByIdNumberIndex(keys.blindIndex(person.idNumber()));
			Account account;
			if (existing.isPresent()) {
				account = existing.get();
			}
			else {
				String mobile = "1390106" + String.format("%04d", n);
				if (accounts.existsByMobileIndex(keys.blindIndex(mobile))) {
					continue;
				}
				account = accounts.save(Account.citizen(person.name(), new IdNumber(person.idNumber()), mobile, hash(password), 2));
			}
			n++;
			applicants.add(new Applicant(account.id(), new Party(Party.Kind.CITIZEN, account.id(), account.displayName()), account.displayName(),
					person.idNumber()));
		}
		return applicants;
	}

	/** The citizen with this ID number who has an account, as an applicant. */
	@Transactional(readOnly = true)
	public Optional<Applicant> citizen(String idNumber) {
		return accounts.findByIdNumberIndex(keys.blindIndex(idNumber))
			.map(a -> new Applicant(a.id(), new Party(Party.Kind.CITIZEN, a.id(), a.displayName()), a.displayName(), idNumber));
	}

	/**
	 * {@code count} companies (统一社会信用代码 91330106HIST…), each represented by one of {@code representatives} in turn;
	 * the applicant is the representative acting for the company.
	 */
	public List<Applicant> companies(List<Applicant> representatives, int count) {
		List<Applicant> companies = new ArrayList<>();
		Map<String, LegalPerson> known = legalPersons.findAll().stream().collect(Collectors.toMap(LegalPerson::uscc, Function.identity()));
		for (int i = 0; i < count && !representatives.isEmpty(); i++) {
			Applicant rep = representatives.get(i % representatives.size());
			String first17 = "91330106MA2H" + String.format("%05d", i);
			String uscc = first17 + Uscc.checkCharacter(first17);
			String name = "杭州" + COMPANY_WORDS.charAt((i * 2) % COMPANY_WORDS.length()) + COMPANY_WORDS.charAt((i * 2 + 1) % COMPANY_WORDS.length())
					+ TRADES[i % TRADES.length] + "有限公司";
			LegalPerson company = known.containsKey(uscc) ? known.get(uscc) : legalPersons.save(new LegalPerson(new Uscc(uscc), name, rep.accountId()));
			companies.add(new Applicant(rep.accountId(), new Party(Party.Kind.LEGAL_PERSON, company.id(), company.name()), rep.applicantName(), uscc));
		}
		return companies;
	}

	/** The staff account with this username, made (with an unpublished TOTP secret) when there is none. */
	public Staff staff(String username, String name, String departmentCode, Role role, String password) {
		Account account = accounts.findByUsername(username).orElseGet(() -> {
			DepartmentView department = directory.departmentByCode(departmentCode).orElseThrow();
			return accounts.save(Account.staff(username, name, hash(password), Totp.newSecret(), department.id(), department.regionCode(),
					EnumSet.of(role)));
		});
		return new Staff(account.id(), username, account.displayName(), departmentCode);
	}

	/** An existing staff account by username. */
	@Transactional(readOnly = true)
	public Optional<Staff> staffByUsername(String username) {
		return accounts.findByUsername(username).map(a -> new Staff(a.id(), a.username(), a.displayName(),
				directory.department(a.departmentId()).map(DepartmentView::code).orElse("")));
	}

	private String hash(String password) {
		String[] known = hashed;
		if (!known[0].equals(password) || known[1].isEmpty()) {
			known = new String[] { password, encoder.encode(password) };
			hashed = known;
		}
		return known[1];
	}

	private static boolean adult(String idNumber, LocalDate today) {
		return !new IdNumber(idNumber).birthDate().plusYears(18).isAfter(today);
	}
}
