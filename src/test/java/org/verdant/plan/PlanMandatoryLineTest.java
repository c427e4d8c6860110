package org.verdant.plan;

import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's headline names mandatory requirements only where the scheme has them. */
class PlanMandatoryLineTest {
    @Test
    void onlySchemesWithMandatoryRequirementsGetTheMandatoryLine() throws Exception {
        Plan park = Planner.plan(WhatIfTest.scenario("fixtures/zero-carbon-park/ndrc-2025-910/shizuishan-1500k-over-threshold.yaml", null), null);
        assertThat(PlanReport.text(park, new Messages("zh"))).doesNotContain("必选要求");
        assertThat(PlanReport.text(park, new Messages("en"))).doesNotContain("Mandatory requirements");
        Plan factory2025 = Planner.plan(WhatIfTest.scenario("fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.yaml", null), null);
        assertThat(PlanReport.text(factory2025, new Messages("zh"))).doesNotContain("必选要求");
        Plan factory2018 = Planner.plan(WhatIfTest.scenario("fixtures/green-factory/gbt36132-2018/electronics-guangdong-mandatory-gap.yaml", null), null);
        assertThat(PlanReport.text(factory2018, new Messages("zh"))).contains("必选要求: 未全部满足");
    }
}
