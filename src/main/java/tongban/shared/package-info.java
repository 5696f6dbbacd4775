/** Kernel shared by every module: identity-number and USCC checks, masking, errors, web shell. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package tongban.shared;

import org.springframework.modulith.ApplicationModule;
