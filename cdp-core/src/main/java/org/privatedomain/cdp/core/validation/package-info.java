/** Constraints shared by the records of several features. */
@NamedInterface("validation")
package org.privatedomain.cdp.core.validation;

import org.springframework.modulith.NamedInterface;
