/**
 * 电子证照: licence types, issuance on approval (a sealed PDF with its data attached and a QR code to its public
 * verification), the holder's wallet, public verification by identifier or file, revocation and cancellation.
 */
package tongban.licence;
