/**
 * Synthetic but plausible positions in South Korea: points cluster around cities in proportion
 * to population, with a spread that grows with city size, plus a thin rural background so the
 * benchmark also sees sparse areas (where the search must widen to its full radius).
 */
export interface City {
  name: string;
  latitude: number;
  longitude: number;
  population: number;
}

// Approximate city-centre coordinates and populations; exactness does not matter here.
export const CITIES: readonly City[] = [
  { name: "Seoul", latitude: 37.5665, longitude: 126.978, population: 9_400_000 },
  { name: "Busan", latitude: 35.1796, longitude: 129.0756, population: 3_300_000 },
  { name: "Incheon", latitude: 37.4563, longitude: 126.7052, population: 2_950_000 },
  { name: "Daegu", latitude: 35.8714, longitude: 128.6014, population: 2_380_000 },
  { name: "Daejeon", latitude: 36.3504, longitude: 127.3845, population: 1_450_000 },
  { name: "Gwangju", latitude: 35.1595, longitude: 126.8526, population: 1_420_000 },
  { name: "Suwon", latitude: 37.2636, longitude: 127.0286, population: 1_190_000 },
  { name: "Ulsan", latitude: 35.5384, longitude: 129.3114, population: 1_100_000 },
  { name: "Yongin", latitude: 37.2411, longitude: 127.1776, population: 1_070_000 },
  { name: "Goyang", latitude: 37.6584, longitude: 126.832, population: 1_070_000 },
  { name: "Changwon", latitude: 35.228, longitude: 128.6811, population: 1_020_000 },
  { name: "Hwaseong", latitude: 37.1995, longitude: 126.831, population: 930_000 },
  { name: "Seongnam", latitude: 37.4201, longitude: 127.1267, population: 920_000 },
  { name: "Cheongju", latitude: 36.6424, longitude: 127.489, population: 850_000 },
  { name: "Bucheon", latitude: 37.5034, longitude: 126.766, population: 790_000 },
  { name: "Namyangju", latitude: 37.636, longitude: 127.2165, population: 730_000 },
  { name: "Cheonan", latitude: 36.8151, longitude: 127.1139, population: 660_000 },
  { name: "Jeonju", latitude: 35.8242, longitude: 127.148, population: 650_000 },
  { name: "Ansan", latitude: 37.3219, longitude: 126.8309, population: 650_000 },
  { name: "Pyeongtaek", latitude: 36.9921, longitude: 127.1129, population: 580_000 },
  { name: "Anyang", latitude: 37.3943, longitude: 126.9568, population: 550_000 },
  { name: "Gimhae", latitude: 35.2285, longitude: 128.8894, population: 530_000 },
  { name: "Siheung", latitude: 37.38, longitude: 126.8029, population: 510_000 },
  { name: "Pohang", latitude: 36.019, longitude: 129.3435, population: 500_000 },
  { name: "Jeju", latitude: 33.4996, longitude: 126.5312, population: 490_000 },
  { name: "Paju", latitude: 37.76, longitude: 126.78, population: 490_000 },
  { name: "Gimpo", latitude: 37.6153, longitude: 126.7156, population: 480_000 },
  { name: "Uijeongbu", latitude: 37.7381, longitude: 127.0337, population: 460_000 },
  { name: "Gumi", latitude: 36.1195, longitude: 128.3446, population: 410_000 },
  { name: "Wonju", latitude: 37.3422, longitude: 127.9202, population: 360_000 },
  { name: "Jinju", latitude: 35.18, longitude: 128.1076, population: 340_000 },
  { name: "Chuncheon", latitude: 37.8813, longitude: 127.7298, population: 290_000 },
  { name: "Suncheon", latitude: 34.9506, longitude: 127.4872, population: 280_000 },
  { name: "Yeosu", latitude: 34.7604, longitude: 127.6622, population: 275_000 },
  { name: "Iksan", latitude: 35.9483, longitude: 126.9577, population: 275_000 },
  { name: "Gyeongju", latitude: 35.8562, longitude: 129.2247, population: 250_000 },
  { name: "Mokpo", latitude: 34.8118, longitude: 126.3922, population: 220_000 },
  { name: "Gangneung", latitude: 37.7519, longitude: 128.8761, population: 210_000 },
  { name: "Andong", latitude: 36.5684, longitude: 128.7294, population: 155_000 },
];

/** Share of points spread evenly over the country rather than around a city. */
const RURAL_SHARE = 0.04;
const MAINLAND = { minLat: 34.6, maxLat: 38.3, minLon: 126.3, maxLon: 129.4 };
const KM_PER_DEGREE_LAT = 111.32;

/**
 * Returns a sampler of [latitude, longitude]. A city's points are normally distributed around
 * its centre with σ = 0.8 km × √(population / 100k): about 7.8 km for Seoul, 1 km for Andong.
 */
export function populationSampler(random: () => number): () => [number, number] {
  const total = CITIES.reduce((sum, c) => sum + c.population, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const city of CITIES) cumulative.push((running += city.population / total));
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return () => {
    if (random() < RURAL_SHARE) {
      return [
        MAINLAND.minLat + random() * (MAINLAND.maxLat - MAINLAND.minLat),
        MAINLAND.minLon + random() * (MAINLAND.maxLon - MAINLAND.minLon),
      ];
    }
    const u = random();
    let index = cumulative.findIndex((c) => u < c);
    if (index < 0) index = CITIES.length - 1;
    const city = CITIES[index]!;
    const sigmaKm = 0.8 * Math.sqrt(city.population / 100_000);
    const latitude = city.latitude + (gaussian() * sigmaKm) / KM_PER_DEGREE_LAT;
    const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos((city.latitude * Math.PI) / 180);
    const longitude = city.longitude + (gaussian() * sigmaKm) / kmPerDegreeLon;
    return [latitude, longitude];
  };
}
