'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

/** The part of the BarcodeDetector API we use (not yet in TypeScript's DOM types). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const detectorClass = (): BarcodeDetectorConstructor | undefined =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;

export type ScannerState = 'unsupported' | 'idle' | 'scanning' | 'denied';

const subscribeNever = () => () => undefined;
const canScan = () => Boolean(detectorClass()) && 'mediaDevices' in navigator;

/**
 * Reads QR codes from the rear camera where the browser has BarcodeDetector (Chrome on Android, for
 * one); elsewhere the state stays `unsupported` and the page falls back to typing. One code per start.
 */
export function useQrScanner(onCode: (code: string) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  // The server cannot know the browser: it renders the typing fallback, the browser then offers the camera.
  const supported = useSyncExternalStore(subscribeNever, canScan, () => false);
  const [state, setState] = useState<Exclude<ScannerState, 'unsupported'>>('idle');

  useEffect(() => () => streamRef.current?.getTracks().forEach((track) => track.stop()), []);

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setState((s) => (s === 'scanning' ? 'idle' : s));
  }, []);

  const start = useCallback(async () => {
    const Detector = detectorClass();
    const video = videoRef.current;
    if (!Detector || !video) return;
    try {
      streamRef.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      setState('denied');
      return;
    }
    video.srcObject = streamRef.current;
    await video.play();
    setState('scanning');
    const detector = new Detector({ formats: ['qr_code'] });
    const look = async () => {
      if (!streamRef.current) return;
      const [found] = await detector.detect(video).catch(() => []);
      if (found?.rawValue) {
        stop();
        onCode(found.rawValue);
        return;
      }
      setTimeout(() => void look(), 250);
    };
    void look();
  }, [onCode, stop]);

  return { videoRef, state: supported ? state : ('unsupported' as const), start, stop };
}
