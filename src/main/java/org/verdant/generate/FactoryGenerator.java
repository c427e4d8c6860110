package org.verdant.generate;

import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.CreditCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic green-factory submissions (GB/T 36132-2018 and GB/T 36132-2025) that read like real
 * ones: a plant of one of a dozen industries in a real county-level district, with a unified social
 * credit code whose check characters are right, output, energy, water, waste and emission figures
 * consistent with each other and with the industry, management systems, certificates, accident
 * history, standing for the cultivation gates, and a claim for every criterion decided by claim.
 *
 * <p>Each plant has a hidden "quality" between 0.2 and 1 that moves all of it together (how many
 * claims are met and evidenced, how close each figure is to the leading level), so scores spread
 * over most of the range. The criteria to claim, the energy-limit levels and the dates each
 * edition applies on are read from the rulebook, so the submissions follow it.
 */
final class FactoryGenerator {
    /** An industry: its GB/T 4754 class, its main product, and per-tonne figures of a typical plant. */
    record Profile(String industry, String trade, String product, String energyLimit, double energyPerT,
                   double minOutput, double maxOutput, double valuePerT, String raw, double rawPerT,
                   String pollutant, double pollutantKgPerT, double gasM3PerT, double wastewaterM3PerT,
                   double waterM3PerT, double solidWastePerT, double carbonPerT, double electricShare) {
    }

    static final List<Profile> PROFILES = List.of(
            new Profile("C3011", "水泥", "硅酸盐水泥熟料", "cement-clinker", 0, 8.0e5, 4.0e6, 0.045, "石灰石", 1.28,
                    "氮氧化物", 1.6, 2600, 0.03, 0.25, 0.006, 0.86, 0.12),
            new Profile("C3120", "特钢", "电炉钢", "eaf-70t", 0, 3.0e5, 1.5e6, 0.42, "废钢", 1.09,
                    "颗粒物", 0.35, 9000, 0.4, 2.8, 0.12, 0.55, 0.7),
            new Profile("C3216", "铝业", "重熔用铝锭", "aluminium-ingot", 0, 1.0e5, 6.0e5, 1.8, "氧化铝", 1.93,
                    "氟化物", 0.6, 120000, 0.8, 3.5, 0.03, 11.2, 0.9),
            new Profile("C2614", "煤化工", "甲醇", "methanol-coal", 0, 2.0e5, 1.2e6, 0.24, "原料煤", 1.45,
                    "二氧化硫", 0.9, 4200, 1.6, 12.0, 0.35, 3.1, 0.15),
            new Profile("C3150", "铁合金", "硅铁", "ferrosilicon", 0, 3.0e4, 2.0e5, 0.65, "硅石", 1.85,
                    "颗粒物", 1.1, 60000, 0.3, 5.0, 0.08, 8.5, 0.85),
            new Profile("C3670", "汽车零部件", "铝合金压铸件", null, 380, 8.0e3, 6.0e4, 6.5, "铝合金锭", 1.12,
                    "颗粒物", 0.25, 15000, 2.2, 6.0, 0.09, 1.1, 0.8),
            new Profile("C3982", "电子", "电子元件", null, 900, 1.0e3, 1.2e4, 48.0, "铜箔基板", 1.3,
                    "挥发性有机物", 0.9, 60000, 18.0, 30.0, 0.15, 2.9, 0.95),
            new Profile("C1713", "印染", "印染布", null, 1100, 5.0e3, 4.0e4, 3.2, "坯布", 1.06,
                    "化学需氧量", 12.0, 8000, 85.0, 110.0, 0.2, 3.4, 0.35),
            new Profile("C1491", "食品", "速冻食品", null, 95, 2.0e4, 2.0e5, 1.4, "面粉", 0.62,
                    "化学需氧量", 3.5, 900, 4.5, 6.5, 0.05, 0.35, 0.6),
            new Profile("C2720", "制药", "化学药品制剂", null, 2600, 3.0e2, 4.0e3, 120.0, "原料药", 1.02,
                    "挥发性有机物", 2.2, 250000, 45.0, 80.0, 0.6, 6.8, 0.65),
            new Profile("C3412", "机械", "金属切削机床", null, 260, 2.0e3, 2.0e4, 9.0, "钢材", 1.18,
                    "颗粒物", 0.18, 12000, 1.8, 4.0, 0.1, 0.8, 0.85),
            new Profile("C2211", "纸业", "文化用纸", null, 330, 1.0e5, 6.0e5, 0.55, "木浆", 0.98,
                    "化学需氧量", 4.0, 2000, 9.0, 14.0, 0.12, 0.9, 0.4));

    /** Province, a county-level district code in it (GB/T 2260), and place names for the plant. */
    record Place(String province, String division, String city, String town) {
    }

    static final List<Place> PLACES = List.of(
            new Place("江苏", "320506", "苏州", "吴中经济技术开发区"), new Place("江苏", "321183", "句容", "下蜀镇"),
            new Place("江苏", "320281", "江阴", "临港经济开发区"), new Place("浙江", "330212", "宁波", "鄞州区姜山镇"),
            new Place("浙江", "331082", "临海", "杜桥镇"), new Place("广东", "440306", "深圳", "宝安区福海街道"),
            new Place("广东", "441900", "东莞", "松山湖高新区"), new Place("山东", "370211", "青岛", "黄岛区"),
            new Place("山东", "370883", "邹城", "太平镇"), new Place("河北", "130104", "石家庄", "桥西区"),
            new Place("河北", "130281", "遵化", "党峪镇"), new Place("安徽", "340111", "合肥", "包河经济开发区"),
            new Place("四川", "510116", "成都", "双流区西航港街道"), new Place("湖南", "430104", "长沙", "岳麓区"),
            new Place("河南", "410122", "郑州", "中牟县"), new Place("湖北", "420115", "武汉", "江夏区"),
            new Place("内蒙古", "150602", "鄂尔多斯", "东胜区"), new Place("云南", "530402", "玉溪", "红塔区"));

    private static final String BRAND = "华恒泰丰盛达源瑞鑫宏远金隆嘉新宇力诚安和兴永昌海东润晟博通";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "建国伟明华军平志强丽敏静磊洋勇艳杰娟涛超";
    private static final List<String> FUNCTIONS = List.of("metering", "online_monitoring", "analysis", "forecasting",
            "scheduling", "optimisation", "carbon_accounting", "reporting");
    private static final Map<String, String> SYSTEM_LETTER = Map.of("quality", "Q", "occupational_health_safety", "S",
            "environmental", "E", "energy", "En");
    private static final LocalDate CULTIVATION_FROM = LocalDate.of(2024, 1, 19);

    private final Rulebook rulebook;
    private final List<Scorecard> editions;

    FactoryGenerator(Rulebook rulebook, List<Scorecard> editions) {
        this.rulebook = rulebook;
        this.editions = editions;
    }

    /** The {@code index}-th submission for {@code seed}: its own random stream, so it does not depend on the count. */
    String submission(long seed, long index, double invalidShare) {
        SplittableRandom rng = new SplittableRandom(mix(seed, index));
        Scorecard edition = editions.get(rng.nextInt(editions.size()));
        boolean invalid = rng.nextDouble() < invalidShare;
        Plant p = new Plant(rng, edition, index);
        String yaml = p.write();
        return invalid ? Mutations.apply(yaml, rng) : yaml;
    }

    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One plant: every figure drawn once, then written as YAML. */
    private final class Plant {
        final SplittableRandom rng;
        final Scorecard edition;
        final boolean is2025;
        final double q;
        final Profile profile;
        final Place place;
        final LocalDate date;
        final int year;
        final String name;
        final String code;
        final long index;

        Plant(SplittableRandom rng, Scorecard edition, long index) {
            this.rng = rng;
            this.edition = edition;
            this.index = index;
            this.is2025 = edition.edition().contains("2025");
            this.q = 0.2 + 0.8 * rng.nextDouble();
            this.profile = PROFILES.get(rng.nextInt(PROFILES.size()));
            this.place = PLACES.get(rng.nextInt(PLACES.size()));
            LocalDate from = edition.appliesFrom() != null ? edition.appliesFrom() : LocalDate.of(2022, 1, 4);
            LocalDate until = edition.appliesUntil() != null ? edition.appliesUntil().minusDays(1) : from.plusDays(540);
            this.date = from.plusDays(rng.nextLong(until.toEpochDay() - from.toEpochDay() + 1));
            this.year = date.getYear() - 1;
            this.name = place.city() + pick(BRAND) + pick(BRAND) + profile.trade() + (rng.nextInt(3) == 0 ? "股份" : "") + "有限公司";
            this.code = creditCode(rng, place.division());
        }

        String pick(String chars) {
            int i = rng.nextInt(chars.length());
            return chars.substring(i, i + 1);
        }

        double between(double lo, double hi) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        /** A factor near 1 that is better (lower) for a better plant: from about 0.85 (q = 1) to 1.35 (q = 0.2). */
        double worse() {
            return 0.85 + 0.6 * (1 - q) + between(-0.08, 0.08);
        }

        String person() {
            return pick(SURNAMES) + pick(GIVEN) + (rng.nextBoolean() ? pick(GIVEN) : "");
        }

        String doc(String what, LocalDate when) {
            return "{document: " + Yaml.quote(what) + ", date: " + when + "}";
        }

        LocalDate before(int minDays, int maxDays) {
            return date.minusDays(minDays + rng.nextInt(maxDays - minDays + 1));
        }

        String write() {
            Yaml y = new Yaml();
            y.comment("Synthetic submission generated by 'verdant generate' (not a real facility): " + profile.trade() + " plant, quality "
                    + Yaml.fixed(q, 2) + ", number " + index);
            y.line("format: verdant.submission/1");
            y.line("scheme: green-factory");
            y.line("evaluation_date: " + date);
            y.line("reporting_year: " + year);
            boolean thirdParty = rng.nextDouble() < 0.8;
            y.line("evaluator:");
            y.line(2, "organisation: " + Yaml.quote(thirdParty ? place.province() + pick(BRAND) + pick(BRAND) + "认证技术服务有限公司" : name));
            y.line(2, "kind: " + (thirdParty ? "third_party" : "self"));
            y.line(2, "lead: " + person());
            y.line("");
            y.line("facility:");
            y.line(2, "name: " + name);
            y.line(2, "credit_code: " + code);
            y.line(2, "industry: " + profile.industry());
            y.line(2, "province: " + place.province());
            y.line(2, "address: " + Yaml.quote(place.province() + "省" + place.city() + "市" + place.town() + pick(BRAND) + pick(BRAND) + "路 " + (1 + rng.nextInt(300)) + " 号"));
            y.line(2, "founded: " + LocalDate.of(1985 + rng.nextInt(35), 1 + rng.nextInt(12), 1 + rng.nextInt(28)));
            y.line("");

            // production
            double output = Math.exp(between(Math.log(profile.minOutput()), Math.log(profile.maxOutput())));
            Benchmarks.EnergyLimitRow row = profile.energyLimit() == null ? null
                    : rulebook.benchmarks().row(profile.energyLimit()).orElse(null);
            double energyPerT;
            double energyBasic = 0;
            double energyAdvanced = 0;
            if (row != null) {
                double l1 = row.levels().get(1);
                double l3 = row.levels().get(3);
                energyPerT = l1 * 0.97 + (1 - q) * (l3 * 1.06 - l1 * 0.97) + between(-0.02, 0.02) * l1;
            } else {
                energyBasic = profile.energyPerT() * 1.08;
                energyAdvanced = profile.energyPerT() * 0.9;
                energyPerT = profile.energyPerT() * worse();
            }
            double productEnergy = energyPerT * output / 1000; // tce
            double comprehensive = productEnergy * between(1.04, 1.18);
            double outputValue = output * profile.valuePerT() * between(0.8, 1.3); // 万元
            double landRef = between(120, 600); // 万元/亩
            double landMu = outputValue / (landRef * (0.7 + 0.8 * q) * between(0.9, 1.1));
            double landM2 = landMu * 666.667;
            double density = Math.min(0.62, 0.26 + 0.3 * q + between(-0.03, 0.03));
            double footprint = landM2 * density;
            double storage = landM2 * between(0.0, 0.08);
            double floors = 1.2 + 1.6 * q + between(-0.1, 0.1);

            y.line("site:");
            y.line(2, "land_area: " + Yaml.num(landMu, 4) + " 亩");
            y.line(2, "building_floor_area: " + Yaml.num(footprint * floors, 4) + " m2");
            y.line(2, "footprint_area: " + Yaml.num(footprint, 4) + " m2");
            if (storage > landM2 * 0.01) y.line(2, "open_storage_area: " + Yaml.num(storage, 3) + " m2");
            y.line("");
            y.line("economics:");
            y.line(2, "output_value: " + Yaml.num(outputValue, 5) + " 万元");
            y.line("");
            double rawPerT = profile.rawPerT() * (0.95 + 0.12 * (1 - q) + between(-0.01, 0.01));
            y.line("products:");
            y.line(2, "- name: " + profile.product());
            y.line(4, "main: true");
            y.line(4, "output: " + Yaml.num(output, 4) + " t");
            y.line(4, "energy: " + Yaml.num(productEnergy, 5) + " tce");
            if (row != null) y.line(4, "energy_limit: " + row.id());
            y.line(4, "raw_material: {name: " + profile.raw() + ", consumption: " + Yaml.num(output * rawPerT, 4) + " t}");
            y.line("");
            energy(y, comprehensive);
            double materials = output * profile.rawPerT() * 1.1;
            y.line("materials:");
            y.line(2, "green: " + Yaml.num(materials * (0.05 + 0.55 * q * rng.nextDouble()), 3) + " t");
            y.line(2, "total: " + Yaml.num(materials, 3) + " t");
            y.line("");
            double intake = output * profile.waterM3PerT() * worse();
            double generated = output * profile.wastewaterM3PerT() * worse();
            double treated = generated * between(0.9, 1.0);
            y.line("water:");
            y.line(2, "intake: " + Yaml.num(intake, 3) + " m3");
            if (is2025) y.line(2, "recirculated: " + Yaml.num(intake * (1.5 + 12 * q * rng.nextDouble()), 3) + " m3");
            y.line(2, "wastewater_generated: " + Yaml.num(generated, 3) + " m3");
            y.line(2, "wastewater_treated: " + Yaml.num(treated, 3) + " m3");
            y.line(2, "wastewater_reused: " + Yaml.num(treated * Math.min(0.99, 0.25 + 0.7 * q + between(-0.05, 0.05)), 3) + " m3");
            y.line("");
            double waste = output * profile.solidWastePerT() * between(0.8, 1.2);
            y.line("solid_waste:");
            y.line(2, "generated: " + Yaml.num(waste, 3) + " t");
            y.line(2, "utilised: " + Yaml.num(waste * Math.min(0.995, 0.55 + 0.45 * q + between(-0.04, 0.02)), 3) + " t");
            y.line(2, "utilised_from_stock: 0 t");
            y.line("");
            y.line("emissions:");
            y.line(2, "waste_gas_volume: " + Yaml.num(output * profile.gasM3PerT() * worse(), 3) + " m3");
            y.line(2, "main_pollutant: {name: " + profile.pollutant() + ", generated: "
                    + Yaml.num(output * profile.pollutantKgPerT() * worse() / 1000, 3) + " t}");
            y.line(2, "ghg: " + Yaml.num(output * profile.carbonPerT() * worse(), 3) + " tCO2e");
            if (is2025) concentrations(y);
            y.line("");
            accidents(y);
            managementSystems(y);
            if (!is2025) {
                int reports = (int) Math.floor(q * 5 * rng.nextDouble());
                if (reports > 0) {
                    y.line("social_responsibility_reports:");
                    StringBuilder years = new StringBuilder();
                    for (int i = reports - 1; i >= 0; i--) years.append(years.length() == 0 ? "" : ", ").append(year - i);
                    y.line(2, "years: [" + years + "]");
                    y.line(2, "evidence: [" + Yaml.quote(name + " " + year + " 年度社会责任报告") + "]");
                    y.line("");
                }
                references2018(y, landRef, rawPerT, energyBasic, energyAdvanced, row == null);
            } else {
                y.line("references:");
                y.line(2, "plot_ratio:");
                y.line(4, "basic: " + Yaml.fixed(between(0.6, 1.0), 1));
                y.line(4, "source: \"《工业项目建设用地控制指标》 " + profile.trade() + "行业 容积率\"");
                y.line("");
                sections2025(y);
            }
            claims(y);
            if (!date.isBefore(CULTIVATION_FROM)) cultivation(y);
            return y.toString();
        }

        void energy(Yaml y, double comprehensive) {
            double electricity = comprehensive * Math.min(0.97, profile.electricShare() * between(0.85, 1.1));
            double renewable = is2025 ? electricity * Math.min(0.4, 0.25 * q * rng.nextDouble()) : 0;
            double gas = (comprehensive - electricity) * between(0.0, 0.5);
            double coal = comprehensive - electricity - gas;
            y.line("energy:");
            if (!is2025) y.line(2, "comprehensive: " + Yaml.num(comprehensive, 5) + " tce");
            y.line(2, "carriers:");
            y.line(4, "- {type: electricity, amount: " + Yaml.num((electricity - renewable) * 1000 / 0.1229, 5) + " kWh}");
            if (renewable > 0.5) {
                y.line(4, "- {type: photovoltaic, amount: " + Yaml.num(renewable * 1000 / 0.1229, 4) + " kWh, renewable: true}");
            }
            if (gas > 1) y.line(4, "- {type: natural_gas, amount: " + Yaml.num(gas * 1000 / 1.2143, 4) + " m3, factor: 1.2143 kgce/m3}");
            if (coal > 1) y.line(4, "- {type: coal, amount: " + Yaml.num(coal / 0.7143, 4) + " t, factor: 0.7143 tce/t}");
            y.line("");
        }

        void concentrations(Yaml y) {
            y.line(2, "concentrations:");
            int n = 1 + rng.nextInt(3);
            String[][] outlets = {{"颗粒物", "1# 排气筒", "10"}, {"二氧化硫", "锅炉排口", "35"}, {"氮氧化物", "窑尾排口", "50"},
                    {"化学需氧量", "废水总排口", "500"}, {"非甲烷总烃", "RTO 排口", "60"}};
            int start = rng.nextInt(outlets.length);
            for (int i = 0; i < n; i++) {
                String[] o = outlets[(start + i) % outlets.length];
                double limit = Double.parseDouble(o[2]);
                String unit = o[0].equals("化学需氧量") ? "mg/L" : "mg/m3";
                y.line(4, "- {pollutant: " + o[0] + ", outlet: " + Yaml.quote(o[1]) + ", concentration: "
                        + Yaml.num(limit * (0.15 + 0.8 * (1 - q) * rng.nextDouble()), 3) + " " + unit + ", limit: " + o[2] + " " + unit + "}");
            }
        }

        void accidents(Yaml y) {
            y.line("accidents:");
            y.line(2, "evidence:");
            y.line(4, "- " + doc(place.city() + "市应急管理局 企业安全生产情况证明", before(10, 60)));
            y.line(4, "- " + doc(place.city() + "市生态环境局 环境守法情况证明", before(10, 60)));
            double roll = rng.nextDouble();
            if (roll < 0.15) {
                y.line(2, "events:");
                y.line(4, "- {date: " + before(60, 900) + ", kind: safety, severity: general, description: 设备检修时手部划伤 一人轻伤}");
            } else if (roll < 0.15 + 0.04 * (1 - q)) {
                y.line(2, "events:");
                y.line(4, "- {date: " + before(60, 900) + ", kind: environmental, severity: serious, description: 废水处理设施故障 超标排放}");
            } else {
                y.line(2, "events: []");
            }
            y.line("");
        }

        void managementSystems(Yaml y) {
            y.line("management_systems:");
            for (String system : org.verdant.rulebook.Vocabulary.SYSTEMS) {
                // applicants nearly always run a quality system; the others are missing now and then in weaker plants
                if (!system.equals("quality") && rng.nextDouble() > 0.9 + 0.1 * q) continue;
                y.line(2, system + ":");
                y.line(4, "established: true");
                y.line(4, "evidence: [" + Yaml.quote(systemName(system) + "手册 第 " + (char) ('A' + rng.nextInt(4)) + " 版 " + (year - rng.nextInt(3)))
                        + ", " + Yaml.quote(year + " 年度管理评审报告") + "]");
                if (rng.nextDouble() < 0.3 + 0.7 * q) {
                    LocalDate validUntil = rng.nextDouble() < 0.05 ? before(20, 300) : date.plusDays(60 + rng.nextInt(1000));
                    y.line(4, "certificate: {body: " + (rng.nextBoolean() ? "中国质量认证中心" : place.province() + "公信认证有限公司") + ", number: "
                            + String.format(java.util.Locale.ROOT, "%05d", rng.nextInt(100_000)) + SYSTEM_LETTER.get(system) + (20000 + rng.nextInt(79_999))
                            + "R" + (1 + rng.nextInt(5)) + "M, valid_until: " + validUntil + "}");
                }
            }
            y.line("");
        }

        String systemName(String system) {
            return switch (system) {
                case "quality" -> "质量";
                case "occupational_health_safety" -> "职业健康安全";
                case "environmental" -> "环境";
                default -> "能源";
            };
        }

        void references2018(Yaml y, double landRef, double rawPerT, double energyBasic, double energyAdvanced, boolean energyReference) {
            String trade = profile.trade();
            y.line("references:");
            y.line(2, "plot_ratio:");
            y.line(4, "basic: " + Yaml.fixed(between(0.6, 1.0), 1));
            y.line(4, "source: \"《工业项目建设用地控制指标》 " + trade + "行业 容积率\"");
            y.line(2, "output_value_per_land_area:");
            y.line(4, "basic: " + Yaml.num(landRef, 3) + " 万元/亩");
            y.line(4, "source: \"" + place.city() + "市 " + year + " 年度规上工业企业亩均效益评价 亩均产值\"");
            perUnit(y, "main_pollutant_per_unit", profile.pollutantKgPerT(), "kg/t", "清洁生产评价指标体系 " + profile.pollutant());
            perUnit(y, "waste_gas_per_unit", profile.gasM3PerT(), "m3/t", "清洁生产评价指标体系 单位产品废气产生量");
            perUnit(y, "wastewater_per_unit", profile.wastewaterM3PerT(), "m3/t", "清洁生产评价指标体系 单位产品废水产生量");
            perUnit(y, "raw_material_per_unit", profile.rawPerT(), "t/t", "清洁生产评价指标体系 单位产品" + profile.raw() + "消耗");
            y.line(2, "solid_waste_utilisation_rate:");
            y.line(4, "basic: " + (75 + rng.nextInt(11)) + " %");
            y.line(4, "advanced: " + (92 + rng.nextInt(6)) + " %");
            y.line(4, "source: \"" + place.province() + "省 " + trade + "行业 工业固体废物综合利用率 平均 / 先进\"");
            y.line(2, "wastewater_reuse_rate:");
            y.line(4, "basic: " + (55 + rng.nextInt(16)) + " %");
            y.line(4, "advanced: " + (85 + rng.nextInt(11)) + " %");
            y.line(4, "source: \"清洁生产评价指标体系 " + trade + "行业 废水回用率 III 级 / I 级\"");
            if (energyReference) {
                y.line(2, "energy_per_unit:");
                y.line(4, "basic: " + Yaml.num(energyBasic, 3) + " kgce/t");
                y.line(4, "advanced: " + Yaml.num(energyAdvanced, 3) + " kgce/t");
                y.line(4, "source: \"" + place.province() + "省 " + trade + "行业 单位产品综合能耗 平均 / 先进\"");
            }
            perUnit(y, "carbon_per_unit", profile.carbonPerT(), "tCO2e/t", trade + "行业 单位产品碳排放 行业平均 / 先进值");
            y.line("");
        }

        void perUnit(Yaml y, String indicator, double typical, String unit, String source) {
            y.line(2, indicator + ":");
            y.line(4, "basic: " + Yaml.num(typical * 1.1, 3) + " " + unit);
            y.line(4, "advanced: " + Yaml.num(typical * 0.92, 3) + " " + unit);
            y.line(4, "source: " + Yaml.quote(source + " 基准 / 先进"));
        }

        void sections2025(Yaml y) {
            y.line("energy_carbon_management:");
            int functions = (int) Math.round(FUNCTIONS.size() * q * rng.nextDouble());
            y.line(2, "functions: [" + String.join(", ", FUNCTIONS.subList(0, functions)) + "]");
            y.line(2, "evidence: [" + Yaml.quote("能碳管理系统验收报告 " + year) + "]");
            y.line("");
            y.line("cleaner_production:");
            int technologies = (int) Math.floor(5 * q * rng.nextDouble());
            if (technologies == 0) {
                y.line(2, "catalogue_technologies: []");
            } else {
                y.line(2, "catalogue_technologies:");
                String[] names = {"高效节能电机及变频调速", "余热余压回收利用", "空压机集中控制与热回收", "高效换热器", "LED 智能照明"};
                for (int i = 0; i < technologies; i++) {
                    y.line(4, "- {name: " + names[i] + ", catalogue: 国家工业和信息化领域节能降碳技术装备推荐目录（" + (year - 1) + " 年版）, evidence: ["
                            + Yaml.quote("设备验收 " + (year - rng.nextInt(2))) + "]}");
                }
            }
            int projects = (int) Math.floor(4 * q * rng.nextDouble());
            double invested = 0;
            if (projects == 0) {
                y.line(2, "retrofit_projects: []");
            } else {
                y.line(2, "retrofit_projects:");
                for (int i = 0; i < projects; i++) {
                    double amount = Math.round(between(80, 2500));
                    invested += amount;
                    y.line(4, "- {name: 节能降碳改造项目 " + (i + 1) + ", year: " + (year - 2 + rng.nextInt(3)) + ", investment: "
                            + Yaml.fixed(amount, 0) + " 万元, evidence: [" + Yaml.quote("竣工验收 " + year) + "]}");
                }
            }
            double total = Math.max(invested, 1) / between(0.02, 0.2);
            y.line(2, "investment_last_3_years: {green_retrofit: " + Yaml.fixed(invested, 0) + " 万元, total: " + Yaml.fixed(Math.ceil(total), 0) + " 万元}");
            y.line("");
            int categories = 2 + rng.nextInt(12);
            y.line("carbon_footprint:");
            y.line(2, "product_categories: " + categories);
            y.line(2, "accounted: " + (int) Math.floor(categories * q * rng.nextDouble()));
            y.line(2, "evidence: [" + Yaml.quote("产品碳足迹报告 " + year) + "]");
            y.line("");
        }

        void claims(Yaml y) {
            List<String[]> claims = new ArrayList<>();
            for (Scorecard.GateSpec g : edition.gates()) {
                if (!Scorecard.CLAIM_DECIDERS.contains(g.decidedBy())) continue;
                claims.add(new String[]{g.id(), rng.nextDouble() < 0.93 + 0.07 * q ? "met" : "not", g.name().zh()});
            }
            for (Scorecard.CriterionSpec c : edition.criteria()) {
                if (!"claim".equals(c.decidedBy())) continue;
                double roll = rng.nextDouble();
                String how;
                if (roll < q) how = "met";
                else if (roll < q + 0.05) how = "unevidenced";
                else if (!is2025 && roll < q + 0.09) how = "na";
                else how = "not";
                claims.add(new String[]{c.id(), how, c.name().zh()});
            }
            y.line("claims:");
            for (String[] c : claims) {
                String text = switch (c[1]) {
                    case "met" -> "{met: true, evidence: [" + doc(shorten(c[2]) + " 证明材料", before(30, 700)) + "]}";
                    case "unevidenced" -> "{met: true, note: 证明材料尚在整理}";
                    case "na" -> "{met: not_applicable, reason: 本厂不涉及该事项}";
                    default -> "{met: false, note: 计划 " + (year + 2) + " 年前实施}";
                };
                y.line(2, c[0] + ": " + text);
            }
            y.line("");
        }

        String shorten(String s) {
            String t = s.replaceAll("[\\s\"{}\\[\\],:#]", "");
            return t.length() > 24 ? t.substring(0, 24) : t;
        }

        void cultivation(Yaml y) {
            double tier = rng.nextDouble();
            y.line("application:");
            if (tier < 0.25) {
                y.line(2, "tier: national");
                y.line(2, "provincial_listing: {year: " + (date.getYear() - 1 - rng.nextInt(3)) + ", document: "
                        + Yaml.quote(place.province() + "省工业和信息化厅 关于公布省级绿色工厂名单的通知") + "}");
            } else {
                y.line(2, "tier: " + (tier < 0.85 ? "provincial" : "municipal"));
            }
            boolean trouble = rng.nextDouble() < 0.06 * (1.2 - q);
            y.line("standing:");
            y.line(2, "operating_status: normal");
            y.line(2, "production_stopped_months: " + (rng.nextDouble() < 0.1 ? 1 + rng.nextInt(3) : 0));
            y.line(2, "abnormal_operation_list: false");
            y.line(2, trouble ? "violations: [{date: " + before(100, 700) + ", kind: tax_evasion}]" : "violations: []");
            y.line(2, "removals: []");
            y.line(2, "inspection_findings: []");
            y.line(2, rng.nextDouble() < 0.1 ? "energy_rectification: {listed: true, completed: true}" : "energy_rectification: {listed: false}");
            y.line(2, "dishonest_debtor: false");
            y.line(2, "evidence:");
            y.line(4, "- " + doc("信用中国 企业专项信用报告", before(3, 30)));
            y.line(4, "- " + doc("国家企业信用信息公示系统 企业信用信息公示报告", before(3, 30)));
        }
    }

    /** A unified social credit code for an enterprise (9 1) in {@code division}, both check characters right. */
    static String creditCode(SplittableRandom rng, String division) {
        StringBuilder org = new StringBuilder(8);
        for (int i = 0; i < 8; i++) org.append((char) ('0' + rng.nextInt(10)));
        String body = "91" + division + org + organisationCheck(org.toString());
        return body + CreditCode.checkCharacter(body);
    }

    /** GB 11714's check character of an 8-digit organisation code. */
    static char organisationCheck(String digits) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (digits.charAt(i) - '0') * weights[i];
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }
}
