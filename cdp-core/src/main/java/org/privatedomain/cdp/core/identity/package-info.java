/** Identities: the ids under which a person is known (phone, WeChat, Tmall, WeCom, member number...). */
@NamedInterface("identity")
package org.privatedomain.cdp.core.identity;

import org.springframework.modulith.NamedInterface;
