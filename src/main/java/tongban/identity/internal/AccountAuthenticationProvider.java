package tongban.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import tongban.identity.Role;
import tongban.identity.domain.Account;

/**
 * Password sign-in for every kind of account. One generic error for unknown account and wrong password; a locked
 * account is refused before its password is checked, and so is every account from an address that failed too often
 * across accounts. The principal's name is the account id (the OIDC subject).
 */
@Component
public class AccountAuthenticationProvider implements AuthenticationProvider {

	private final SignInService signIns;
	private final PasswordEncoder encoder;
	private final String dummyHash;

	AccountAuthenticationProvider(SignInService signIns, PasswordEncoder encoder) {
		this.signIns = signIns;
		this.encoder = encoder;
		this.dummyHash = encoder.encode("timing-equaliser-" + System.nanoTime());
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String login = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String remote = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
		Optional<Account> found = signIns.findForLogin(login);
		Optional<Instant> addressLocked = signIns.addressLockedUntil(remote);
		if (addressLocked.isPresent()) {
			signIns.record(found.map(Account::id).orElse(null), SignInService.Outcome.ADDRESS_LOCKED, remote);
			throw new AddressLockedException(addressLocked.get());
		}
		if (found.isEmpty()) {
			encoder.matches(password, dummyHash);
			signIns.addressFailure(remote);
			if (signIns.closedLogin(login)) {
				throw new AccountClosedException();
			}
			throw new BadCredentialsException("bad credentials");
		}
		Account account = found.get();
		if (account.lockedAt(Instant.now())) {
			signIns.record(account.id(), SignInService.Outcome.LOCKED, remote);
			throw new AccountLockedException(account.lockedUntil());
		}
		if (!encoder.matches(password, account.passwordHash())) {
			signIns.addressFailure(remote);
			Optional<Instant> locked = signIns.failure(account.id(), SignInService.Outcome.FAILURE, remote);
			if (locked.isPresent()) {
				throw new AccountLockedException(locked.get());
			}
			throw new BadCredentialsException("bad credentials");
		}
		if (account.isStaff()) {
			signIns.record(account.id(), SignInService.Outcome.MFA_PENDING, remote);
		}
		else {
			signIns.success(account.id(), remote);
		}
		return authenticated(account);
	}

	/** The full authentication of an account: its roles and its level of assurance as authorities. */
	public static UsernamePasswordAuthenticationToken authenticated(Account account) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		// The factors and when they were proven; the OIDC provider takes auth_time from them.
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		if (account.isStaff()) {
			authorities.add(FactorGrantedAuthority.fromFactor("TOTP"));
		}
		for (Role r : account.roles()) {
			authorities.add(new SimpleGrantedAuthority(r.authority()));
		}
		authorities.add(new SimpleGrantedAuthority("LOA_" + account.assuranceLevel()));
		User user = new User(account.id().toString(), "", authorities);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
