/** Kernel shared by every module: identity-number and USCC checks, masking, errors, web shell. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package tongban.shared;
