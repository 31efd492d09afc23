/**
 * Members: one person behind many identities. Every write names the person by identities; {@link
 * org.privatedomain.cdp.core.member.MemberService} resolves them to one member, merging members the record
 * links, and keeps the profile, attributes and tags.
 */
@NamedInterface("member")
package org.privatedomain.cdp.core.member;

import org.springframework.modulith.NamedInterface;
