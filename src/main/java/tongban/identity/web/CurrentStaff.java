package tongban.identity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;

/**
 * Binds a handler parameter of type {@link tongban.identity.StaffMember} (or {@code Optional<StaffMember>}) to the
 * signed-in member of staff, from the browser session or the API access token's subject.
 * <p>
 * When the visitor is not staff: an {@code Optional} parameter is empty; otherwise a page answers "not found" with
 * {@link #missing()} as the code and the API answers 403 {@code forbidden}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@NamedInterface("acting")
public @interface CurrentStaff {

	/** The kind of thing that is "not found" for a visitor who is not staff (a stable error code). */
	String missing() default "account";
}
