package org.verdant.submission;

import org.verdant.units.Quantity;
import org.verdant.text.Location;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A validated submission: facts about one facility for one reporting year. Absent optional
 * sections are null; absent figures are null. Nothing here is derived; the rules derive.
 */
public record Submission(
        String file,
        String scheme,
        String edition,
        LocalDate evaluationDate,
        int reportingYear,
        Evaluator evaluator,
        Facility facility,
        Site site,
        Economics economics,
        List<Product> products,
        Energy energy,
        Materials materials,
        Water water,
        SolidWaste solidWaste,
        Emissions emissions,
        AccidentHistory accidents,
        Map<String, ManagementSystem> managementSystems,
        CsrReports csrReports,
        Map<String, StatedReference> references,
        Map<String, Claim> claims,
        EnergyCarbonManagement energyCarbonManagement,
        CleanerProduction cleanerProduction,
        CarbonFootprint carbonFootprint,
        Application application,
        Standing standing,
        Park park,
        SupplyChain supplyChain,
        Map<String, Location> keyLocations) {

    /** Where a top-level key (scheme, edition, evaluation_date, …) stands in the file; line 1 when absent. */
    public Location locationOf(String key) {
        return keyLocations.getOrDefault(key, new Location(file, 1, 1));
    }

    public record Evaluator(String organisation, String kind, String lead) {
    }

    public record Facility(String name, String creditCode, String industry, String province, String address,
                           LocalDate founded) {
    }

    /**
     * The site. {@code footprintArea}: buildings' footprint (older files include the structures'
     * here and leave {@code structureFootprintArea} out); {@code floorAreaOver8m}: the floor area of
     * storeys more than 8 m high, part of {@code buildingFloorArea} and counted once more by B.28.
     */
    public record Site(Quantity landArea, Quantity buildingFloorArea, Quantity footprintArea,
                       Quantity openStorageArea, Quantity structureFootprintArea, Quantity floorAreaOver8m) {
        public Site(Quantity landArea, Quantity buildingFloorArea, Quantity footprintArea, Quantity openStorageArea) {
            this(landArea, buildingFloorArea, footprintArea, openStorageArea, null, null);
        }
    }

    /** The reporting year's output value and, for three-year ratios, earlier years' ({@code previousYears}). */
    public record Economics(Quantity outputValue, List<YearOutput> previousYears) {
        public Economics(Quantity outputValue) {
            this(outputValue, List.of());
        }

        public Quantity outputValueOf(int year) {
            return previousYears.stream().filter(y -> y.year() == year).map(YearOutput::outputValue).findFirst().orElse(null);
        }

        public int indexOf(int year) {
            for (int i = 0; i < previousYears.size(); i++) if (previousYears.get(i).year() == year) return i;
            return -1;
        }
    }

    public record YearOutput(int year, Quantity outputValue) {
    }

    /**
     * A product line. {@code corrections} are the inputs an energy-limit standard corrects its
     * levels by (feed_grade, clinker_ratio, altitude, altitude_factor).
     */
    public record Product(String name, boolean main, Quantity output, Quantity energy, Quantity energyPerUnit,
                          String energyLimit, RawMaterial rawMaterial, Map<String, Quantity> corrections,
                          WaterQuota waterQuota, Location location, ProductFigures figures) {
        public Product(String name, boolean main, Quantity output, Quantity energy, Quantity energyPerUnit,
                       String energyLimit, RawMaterial rawMaterial, Map<String, Quantity> corrections,
                       WaterQuota waterQuota, Location location) {
            this(name, main, output, energy, energyPerUnit, energyLimit, rawMaterial, corrections, waterQuota, location,
                    ProductFigures.NONE);
        }

        public Quantity correction(String input) {
            return corrections.get(input);
        }
    }

    /**
     * A product's own figures for the per-product formulas of GB/T 36132-2025 Appendix B (all
     * optional): its output value, CO2, raw materials, water and waste flows, pollutants; its
     * capacity and time standard (B.24/B.25, {@code representative}: the representative product);
     * {@code standardFactor} (standard-product conversion) and {@code energyShare} (allocation) for
     * the B.1 note's methods.
     */
    public record ProductFigures(Quantity outputValue, Quantity co2, List<RawMaterial> rawMaterials, Quantity waterIntake,
                                 Quantity wastewaterGenerated, Quantity wastewaterDischarged, Quantity wasteGasGenerated,
                                 Quantity wasteGasDischarged, List<Pollutant> pollutants, Quantity capacity,
                                 Quantity timeStandard, boolean representative, Quantity standardFactor, Quantity energyShare) {
        public static final ProductFigures NONE = new ProductFigures(null, null, List.of(), null, null, null, null, null, List.of(),
                null, null, false, null, null);
    }

    /** The product's water-intake quota (用水定额): general and advanced values, per unit of output. */
    public record WaterQuota(String standard, Quantity general, Quantity advanced) {
    }

    public record RawMaterial(String name, Quantity consumption) {
    }

    /**
     * {@code multiProductMethod}: how a factory with several products gets each product's energy
     * (GB/T 36132-2025 B.1 note): measured, standard_product or allocated; null when not stated.
     */
    public record Energy(Quantity comprehensive, List<Carrier> carriers, String multiProductMethod) {
        public Energy(Quantity comprehensive, List<Carrier> carriers) {
            this(comprehensive, carriers, null);
        }
    }

    /**
     * One energy carrier; {@code factor} converts its amount to standard coal. A renewable
     * carrier may say how it was {@code obtained} (B.5 note: self_generated, market_traded,
     * dedicated_line, green_certificates) with its {@code proof}; {@code certificates} is the number
     * of green-electricity certificates (1 = 1 MWh) that go with it.
     */
    public record Carrier(String type, Quantity amount, Quantity factor, boolean renewable, String obtained,
                          List<Evidence> proof, Integer certificates) {
        public Carrier(String type, Quantity amount, Quantity factor, boolean renewable) {
            this(type, amount, factor, renewable, null, List.of(), null);
        }
    }

    public record Materials(Quantity green, Quantity total) {
    }

    /** {@code recirculated}: 重复利用水量, water used again inside the plant (cooling loops, cascades). */
    public record Water(Quantity intake, Quantity wastewaterGenerated, Quantity wastewaterTreated,
                        Quantity wastewaterReused, Quantity recirculated, Quantity wastewaterDischarged) {
        public Water(Quantity intake, Quantity wastewaterGenerated, Quantity wastewaterTreated, Quantity wastewaterReused,
                     Quantity recirculated) {
            this(intake, wastewaterGenerated, wastewaterTreated, wastewaterReused, recirculated, null);
        }
    }

    public record SolidWaste(Quantity generated, Quantity utilised, Quantity utilisedFromStock) {
    }

    /**
     * {@code wasteGasVolume} is the older name of the waste gas generated ({@code waste_gas_volume});
     * {@code pollutants} lists pollutants generated and discharged, beside the main one.
     */
    public record Emissions(Quantity wasteGasVolume, Pollutant mainPollutant, Quantity ghg,
                            List<PollutantConcentration> concentrations, Quantity wasteGasGeneratedStated,
                            Quantity wasteGasDischarged, List<Pollutant> pollutants) {
        public Emissions(Quantity wasteGasVolume, Pollutant mainPollutant, Quantity ghg, List<PollutantConcentration> concentrations) {
            this(wasteGasVolume, mainPollutant, ghg, concentrations, null, null, List.of());
        }

        public Quantity mainPollutantGenerated() {
            return mainPollutant == null ? null : mainPollutant.generated();
        }

        /** The waste gas generated (B.16): {@code waste_gas_generated}, or the older {@code waste_gas_volume}. */
        public Quantity wasteGasGenerated() {
            return wasteGasGeneratedStated != null ? wasteGasGeneratedStated : wasteGasVolume;
        }

        /** The field {@link #wasteGasGenerated()} was read from. */
        public String wasteGasGeneratedPath() {
            return wasteGasGeneratedStated == null && wasteGasVolume != null ? "emissions.waste_gas_volume" : "emissions.waste_gas_generated";
        }
    }

    public record Pollutant(String name, Quantity generated, Quantity discharged) {
        public Pollutant(String name, Quantity generated) {
            this(name, generated, null);
        }
    }

    /** An annual-average discharge concentration and the limit the permit sets for it. */
    public record PollutantConcentration(String pollutant, String outlet, Quantity concentration, Quantity limit,
                                         Location location) {
    }

    /** Functions of the energy-and-carbon management system in place, with evidence. */
    public record EnergyCarbonManagement(List<String> functions, List<Evidence> evidence) {
    }

    public record CleanerProduction(List<CatalogueTechnology> catalogueTechnologies, List<RetrofitProject> retrofitProjects,
                                    Quantity retrofitInvestment3y, Quantity totalInvestment3y) {
    }

    public record CatalogueTechnology(String name, String catalogue, List<Evidence> evidence) {
    }

    public record RetrofitProject(String name, int year, Quantity investment, List<Evidence> evidence) {
    }

    /** Product categories and how many have a carbon-footprint account. */
    public record CarbonFootprint(Integer productCategories, Integer accounted, List<Evidence> evidence) {
    }

    /** The listing applied for under the cultivation measures (梯度培育): national, provincial or municipal. */
    public record Application(String tier, Integer round, Listing provincialListing) {
    }

    public record Listing(Integer year, String document) {
    }

    /**
     * The facility's legal and regulatory standing, for the cultivation measures' veto list.
     * Null figures are not stated; an empty list states that there is nothing to report.
     */
    public record Standing(String operatingStatus, Integer productionStoppedMonths, Boolean abnormalOperationList,
                           List<Violation> violations, List<Removal> removals, List<InspectionFinding> inspectionFindings,
                           Rectification energyRectification, Boolean dishonestDebtor, List<Evidence> evidence,
                           Location location) {
    }

    public record Violation(LocalDate date, String kind, String description, Location location) {
    }

    public record Removal(LocalDate date, String list, Location location) {
    }

    public record InspectionFinding(LocalDate date, String inspection, boolean serious, String description, Location location) {
    }

    public record Rectification(boolean listed, Boolean completed) {
    }

    public record AccidentHistory(List<Evidence> evidence, List<Accident> events) {
    }

    public record Accident(LocalDate date, String kind, Severity severity, String description, Location location) {
    }

    public record ManagementSystem(String system, Boolean established, List<Evidence> evidence,
                                   Certificate certificate, Location location) {
        public boolean certificateValidOn(LocalDate date) {
            return certificate != null && certificate.validUntil() != null && !certificate.validUntil().isBefore(date);
        }
    }

    public record Certificate(String body, String number, LocalDate validUntil) {
    }

    public record CsrReports(List<Integer> years, List<Evidence> evidence) {
        public boolean covers(int year) {
            return years.contains(year);
        }
    }

    /** A reference level the evaluator supplies, with its source. */
    public record StatedReference(String indicator, Quantity basic, Quantity advanced, String source,
                                  Location location) {
    }

    /**
     * A qualitative requirement's status as the submission states it. {@code degree} is an
     * evaluator's assessed degree of fulfilment in (0, 1] where the scheme grades it (null: fully).
     */
    public record Claim(String criterionId, ClaimStatus met, List<Evidence> evidence, String reason, String note,
                        Double degree, Location location) {
    }

    /**
     * A park (green industrial park or zero-carbon park): its standing for eligibility, the
     * bodies the gates ask about, and raw statistics per year.
     */
    public record Park(String level, Boolean legalBoundary, Boolean singleManagementBody, String mainFunction,
                       Boolean developmentZoneCatalogue, Boolean parkWithinPark, Boolean clearBoundary,
                       GreenBody greenBody, AuditList keyEnterpriseAudits, List<ParkYear> years,
                       List<EnterpriseProduct> enterpriseProducts, Location location) {
        public ParkYear year(int year) {
            return years.stream().filter(y -> y.year() == year).findFirst().orElse(null);
        }
    }

    /** The park's dedicated green-development body (G6). */
    public record GreenBody(String name, Integer fullTimeStaff, List<Evidence> evidence) {
    }

    /** Key enterprises on the mandatory cleaner-production audit list, and how many completed it (G4). */
    public record AuditList(Integer listed, Integer completed, List<Evidence> evidence) {
    }

    /** One year of park statistics (raw figures by name) and the indicators stated directly, by id. */
    public record ParkYear(int year, Map<String, Quantity> statistics, Map<String, StatedIndicator> indicators,
                           Location location) {
        public Quantity statistic(String name) {
            return statistics.get(name);
        }
    }

    /** An indicator value the park states for one year: a quantity, or yes/no. */
    public record StatedIndicator(String id, int year, Quantity quantity, Boolean yes, Location location) {
    }

    /** A product of a park enterprise, compared with its energy-limit standard (zero-carbon Z2). */
    public record EnterpriseProduct(String enterprise, Product product, int index) {
    }

    /** A supply-chain leader's recorded rates: suppliers, product and packaging recovery. */
    public record SupplyChain(Rate suppliers, Rate productRecovery, Rate packagingRecovery) {
    }

    /** A share recorded as its two raw figures: {@code part} of {@code whole}, with their field names. */
    public record Rate(String path, String partName, Quantity part, String wholeName, Quantity whole, List<Evidence> evidence) {
    }

    public enum ClaimStatus { MET, NOT_MET, NOT_APPLICABLE }

    /**
     * A document cited as evidence: by name (with its date and number), by the digest of a file
     * uploaded to the archive ({@code sha256:…}), or both. {@code document} is null for a file
     * cited by digest alone.
     */
    public record Evidence(String document, LocalDate date, String id, String sha256) {
        public Evidence(String document, LocalDate date, String id) {
            this(document, date, id, null);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(document == null ? sha256 : document);
            if (date != null) b.append(" (").append(date).append(')');
            if (id != null) b.append(" [").append(id).append(']');
            // the full digest, so a reader (and the report's 附件) can tell which uploaded file is meant
            if (document != null && sha256 != null) b.append(" {").append(sha256).append('}');
            return b.toString();
        }
    }
}
