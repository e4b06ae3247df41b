import type { StoriesCatalog } from './en.js';

export const fr: StoriesCatalog = {
  'stories.label': 'Histoires',
  'stories.carousel': 'carrousel',
  'stories.slide': 'diapositive',
  'stories.position': '{n} sur {total}',
  'stories.play': 'Lancer le défilement automatique',
  'stories.pause': 'Arrêter le défilement automatique',
  'stories.previous': 'Diapositive précédente',
  'stories.next': 'Diapositive suivante',
  'stories.fullscreen': 'Plein écran',
  'stories.exitFullscreen': 'Quitter le plein écran',
  'stories.loading': 'Chargement des histoires…',
  'stories.empty': 'Ces histoires ne peuvent pas être affichées pour le moment.',
  'hotspot.open': 'Voir {name}',
  'hotspot.unnamed': 'cette pièce',
  'hotspot.shop': 'Découvrir',
  'hotspot.close': 'Fermer',
  'hotspot.variant': '{name}, {variant}',
  'hotspot.unavailable': 'Momentanément indisponible',
};
