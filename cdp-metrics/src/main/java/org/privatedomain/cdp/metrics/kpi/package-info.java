/** The classic KPIs reported beside FAST+: repurchase rates, member GMV share, new and active members, join cohorts. */
@NamedInterface("kpi")
package org.privatedomain.cdp.metrics.kpi;

import org.springframework.modulith.NamedInterface;
