// The one place the renderer reaches into the shared contract; everything else imports from here.
export * from '../../../engine/contract';
