package org.verdant.submission;

import org.verdant.units.Quantity;
import org.verdant.yaml.Location;

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
        Map<String, Claim> claims) {

    public record Evaluator(String organisation, String kind, String lead) {
    }

    public record Facility(String name, String creditCode, String industry, String province, String address,
                           LocalDate founded) {
    }

    public record Site(Quantity landArea, Quantity buildingFloorArea, Quantity footprintArea,
                       Quantity openStorageArea) {
    }

    public record Economics(Quantity outputValue) {
    }

    public record Product(String name, boolean main, Quantity output, Quantity energy, Quantity energyPerUnit,
                          String energyLimit, RawMaterial rawMaterial, Location location) {
    }

    public record RawMaterial(String name, Quantity consumption) {
    }

    public record Energy(Quantity comprehensive, List<Carrier> carriers) {
    }

    /** One energy carrier; {@code factor} converts its amount to standard coal. */
    public record Carrier(String type, Quantity amount, Quantity factor, boolean renewable) {
    }

    public record Materials(Quantity green, Quantity total) {
    }

    public record Water(Quantity intake, Quantity wastewaterGenerated, Quantity wastewaterTreated,
                        Quantity wastewaterReused) {
    }

    public record SolidWaste(Quantity generated, Quantity utilised, Quantity utilisedFromStock) {
    }

    public record Emissions(Quantity wasteGasVolume, Pollutant mainPollutant, Quantity ghg) {
        public Quantity mainPollutantGenerated() {
            return mainPollutant == null ? null : mainPollutant.generated();
        }
    }

    public record Pollutant(String name, Quantity generated) {
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

    /** A qualitative requirement's status as the submission states it. */
    public record Claim(String criterionId, ClaimStatus met, List<Evidence> evidence, String reason, String note,
                        Location location) {
    }

    public enum ClaimStatus { MET, NOT_MET, NOT_APPLICABLE }

    public record Evidence(String document, LocalDate date, String id) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(document);
            if (date != null) b.append(" (").append(date).append(')');
            if (id != null) b.append(" [").append(id).append(']');
            return b.toString();
        }
    }
}
