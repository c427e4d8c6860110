package org.verdant.facts;

import org.verdant.rulebook.IndicatorTable;

import java.util.List;

/**
 * Which form of an indicator this facility is scored in: the first whose references exist for it
 * (an energy-limit reference needs a product naming an energy-limit row; a water-quota reference
 * needs the main product's quota); the last form is the fallback.
 */
public final class TableForms {
    private TableForms() {
    }

    public static ChosenForm choose(TableIndicator indicator, List<?> coveredProducts, MainProduct main) {
        List<IndicatorTable.Form> forms = indicator.forms();
        if (forms.size() == 1) return new ChosenForm(indicator.id(), "single", indicator.id() + "/0", null, null);
        String firstShortfall = null;
        for (int i = 0; i < forms.size(); i++) {
            IndicatorTable.Form f = forms.get(i);
            String key = indicator.id() + "/" + i;
            String shortfall = shortfall(f, coveredProducts, main);
            if (shortfall == null || i == forms.size() - 1) {
                if (firstShortfall != null) return new ChosenForm(indicator.id(), f.formula(), key, firstShortfall, f.formula());
                if (uses(f, IndicatorTable.EnergyLimit.class)) {
                    return new ChosenForm(indicator.id(), f.formula(), key, "form.energy_limit", Forms.names(coveredProducts));
                }
                if (uses(f, IndicatorTable.WaterQuota.class)) {
                    return new ChosenForm(indicator.id(), f.formula(), key, "form.water_quota", main.waterQuota().standard());
                }
                return new ChosenForm(indicator.id(), f.formula(), key, null, null);
            }
            if (firstShortfall == null) firstShortfall = shortfall;
        }
        throw new IllegalStateException("an indicator with no forms: " + indicator.id());
    }

    /** The message key saying why a form does not apply, or null when it does. */
    private static String shortfall(IndicatorTable.Form f, List<?> coveredProducts, MainProduct main) {
        if (uses(f, IndicatorTable.EnergyLimit.class) && coveredProducts.isEmpty()) return "form.no_energy_limit";
        if (uses(f, IndicatorTable.WaterQuota.class) && main.waterQuota() == null) return "form.no_water_quota";
        return null;
    }

    private static boolean uses(IndicatorTable.Form f, Class<? extends IndicatorTable.Reference> kind) {
        return kind.isInstance(f.leading()) || kind.isInstance(f.baseline());
    }
}
