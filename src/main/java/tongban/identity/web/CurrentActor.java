package tongban.identity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;

/**
 * Binds a handler parameter of type {@link tongban.identity.Actor} (or {@code Optional<Actor>}) to the citizen who is
 * acting. In a browser session: the signed-in account, for the party chosen with the acting-as switch while they may
 * still act for it, within their grant's scope. With an API access token: the token's holder acting for themself.
 * <p>
 * When nobody qualifies (staff, anonymous, a staff token): an {@code Optional} parameter is empty; otherwise a page
 * answers "not found" with {@link #missing()} as the code (what is asked for does not exist for them) and the API
 * answers 403 {@code forbidden}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@NamedInterface("acting")
public @interface CurrentActor {

	/** The kind of thing that is "not found" for a visitor who is not a citizen (a stable error code). */
	String missing() default "account";
}
